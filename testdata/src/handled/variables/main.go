// Signals held in local and package-level variables, slices built with
// append, and a function value of signal.Notify.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

var shutdownSignals = []os.Signal{os.Interrupt}

func init() {
	shutdownSignals = append(shutdownSignals, syscall.SIGTERM)
}

func main() {
	go http.ListenAndServe(":8080", nil)
	c := make(chan os.Signal, 1)
	signal.Notify(c, shutdownSignals...)
	<-c
}
