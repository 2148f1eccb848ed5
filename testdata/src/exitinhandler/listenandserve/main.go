// main returns after the signal, and the server is started by
// http.ListenAndServe: the fix makes it an *http.Server to drain.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM, os.Interrupt)
	go http.ListenAndServe(":8080", nil)
	<-c // want `main returns after the signal without draining the server`
}
