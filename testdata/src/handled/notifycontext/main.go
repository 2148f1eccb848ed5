// signal.NotifyContext with SIGTERM, the server in an errgroup-like
// method value.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go run(srv.ListenAndServe)
	<-ctx.Done()
}

func run(f func() error) { _ = f() }
