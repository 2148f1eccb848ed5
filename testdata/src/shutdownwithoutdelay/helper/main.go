// The drain is in a helper of the same package: reported there.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	waitThenStop(c, srv)
}

func waitThenStop(c <-chan os.Signal, srv *http.Server) {
	<-c
	stop(srv)
}

func stop(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 10e9)
	defer cancel()
	_ = srv.Shutdown(ctx) // want `Shutdown right after the signal`
}
