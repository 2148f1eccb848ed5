// Known false negative: deferred calls are not on the handler path, so an
// exit in a deferred function after the signal is not seen.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		defer os.Exit(0) // not reported
		<-c
	}()
	http.ListenAndServe(":8080", nil)
}
