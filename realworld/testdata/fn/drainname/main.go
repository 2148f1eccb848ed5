// Distilled from github.com/inbucket/inbucket/v3@v3.2.0 cmd/inbucket.
// Expected: exit-in-handler at the wait point (main returns without ever
// draining the HTTP server). Reported: nothing (a method named Drain of
// another package is taken as "may wait for the server", although its facts
// say it does not drain).
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"fn/drainname/smtp"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	mail := &smtp.Server{}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	mail.Drain()
}
