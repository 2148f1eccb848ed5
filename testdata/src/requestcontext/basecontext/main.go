// BaseContext returns the signal context.
package main

import (
	"context"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{
		Addr: ":8080",
		BaseContext: func(net.Listener) context.Context { // want `BaseContext returns the signal context: SIGTERM cancels every request's context; use context.WithoutCancel`
			return ctx
		},
	}
	other := &http.Server{Addr: ":8081"}
	other.BaseContext = baseContext // want `BaseContext returns the signal context`
	safe := &http.Server{
		Addr: ":8082",
		BaseContext: func(net.Listener) context.Context {
			return context.WithoutCancel(ctx)
		},
	}
	go srv.ListenAndServe()
	go other.ListenAndServe()
	go safe.ListenAndServe()
	<-ctx.Done()
	time.Sleep(10 * time.Second)
	srv.Shutdown(context.Background())
}

var sigCtx, _ = signal.NotifyContext(context.Background(), syscall.SIGTERM)

func baseContext(net.Listener) context.Context {
	c, _ := context.WithCancel(sigCtx)
	return c
}
