// The signal is relayed by closing a channel of another type: receiving
// from it is a wait point too.
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
	quit := make(chan struct{})
	go func() {
		<-c
		close(quit)
	}()
	go func() {
		<-quit
		os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
	}()
	http.ListenAndServe(":8080", nil)
}
