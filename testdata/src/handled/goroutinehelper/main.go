// Subscription in a closure run by a goroutine of a same-package helper.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	ctx := handleSignals()
	go srv.ListenAndServe()
	<-ctx.Done()
	srv.Shutdown(context.Background())
}

func handleSignals() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		sctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
		defer stop()
		<-sctx.Done()
		cancel()
	}()
	return ctx
}
