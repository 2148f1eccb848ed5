// The subscription is in an init function.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

var stop = make(chan os.Signal, 1)

func init() { signal.Notify(stop, syscall.SIGTERM) }

func main() {
	go http.ListenAndServe(":8080", nil)
	<-stop
}
