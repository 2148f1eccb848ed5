// Two handlers that end the program, and a server started by
// http.ListenAndServe: each exit's fix makes the start an *http.Server
// (the same one, whichever fix comes first) and drains it before its
// exit, declaring a timeout context of its own.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	go http.ListenAndServe(":8080", nil)
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		log.Print("terminated")
		os.Exit(1)
	}()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	os.Exit(0)
}
