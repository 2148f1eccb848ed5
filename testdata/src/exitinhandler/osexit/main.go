// os.Exit in a goroutine handling SIGTERM.
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
		<-c
		os.Exit(0) // want `exit in the SIGTERM handler before the server is drained: in-flight requests are cut; drain it first`
	}()
	http.ListenAndServe(":8080", nil)
}
