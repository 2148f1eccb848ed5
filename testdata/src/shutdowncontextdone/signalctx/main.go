// Shutdown given the signal context, or one derived from it.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	a := &http.Server{Addr: ":8080"}
	b := &http.Server{Addr: ":8081"}
	go a.ListenAndServe()
	go b.ListenAndServe()
	<-ctx.Done()
	time.Sleep(10 * time.Second)
	a.Shutdown(ctx) // want `Shutdown is given the signal context, which is already done: it returns at once; use a fresh timeout context`
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	// No fix: tctx would be left unused.
	b.Shutdown(tctx) // want `Shutdown is given the signal context`
}
