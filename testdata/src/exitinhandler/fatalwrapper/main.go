// if err := run(); err != nil { log.Fatal(err) }: run's exit helper is an
// exit, and run returning after the signal ends the process.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
)

func fatal(err error) { log.Fatal(err) }

func main() {
	if err := run(); err != nil {
		fatal(err)
	}
}

func run() error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go http.ListenAndServe(":8080", nil)
	<-ctx.Done() // want `run returns after the signal without draining the server`
	return nil
}
