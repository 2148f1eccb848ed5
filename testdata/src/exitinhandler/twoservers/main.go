// Two servers in scope: which to drain is the author's call, no fix.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	a := &http.Server{Addr: ":8080"}
	b := &http.Server{Addr: ":8081"}
	go a.ListenAndServe()
	go b.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	os.Exit(0) // want `exit in the SIGTERM handler`
}
