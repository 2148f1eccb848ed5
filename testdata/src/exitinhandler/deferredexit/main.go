// An exit deferred in the handler goroutine runs when it returns.
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
		defer os.Exit(0) // want `exit in the SIGTERM handler`
		<-c
	}()
	http.ListenAndServe(":8080", nil)
}
