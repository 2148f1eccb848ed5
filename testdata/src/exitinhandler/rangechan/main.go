// for range over the signal channel, the channel in a struct field and
// returned by a helper.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

type app struct{ sigs chan os.Signal }

func (a *app) signals() chan os.Signal { return a.sigs }

func main() {
	a := &app{sigs: make(chan os.Signal, 1)}
	signal.Notify(a.sigs, syscall.SIGTERM)
	go http.ListenAndServe(":8080", nil)
	for range a.signals() {
		os.Exit(1) // want `exit in the SIGTERM handler`
	}
}
