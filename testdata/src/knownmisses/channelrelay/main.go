// Known false negative: the signal is relayed through a channel of another
// type; its receivers are not wait points, so the exit is not seen.
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
		os.Exit(0) // not reported
	}()
	http.ListenAndServe(":8080", nil)
}
