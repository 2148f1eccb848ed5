// run returns what ListenAndServe returns, http.ErrServerClosed the moment
// Shutdown begins, and main exits with it while requests are draining.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, syscall.SIGTERM)
		<-sigs
		time.Sleep(15 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	return srv.ListenAndServe() // want `run returns as soon as the server start returns, which is the moment Shutdown begins`
}
