// A SIGINT-only program also gets the handler-path checks.
package main

import (
	"net/http"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go http.ListenAndServe(":8080", nil)
	<-c
	os.Exit(0) // want `exit in the SIGTERM handler`
}
