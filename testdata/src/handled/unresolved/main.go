// Signals from a function call are not resolved, so sigtermcheck stays
// quiet rather than guess.
package main

import (
	"net/http"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, signalsFromConfig()...)
	go http.ListenAndServe(":8080", nil)
	<-c
}

func signalsFromConfig() []os.Signal { return nil }
