// Fresh contexts, and one detached from the signal with WithoutCancel.
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
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	a.Shutdown(dctx)
	b.Shutdown(context.Background())
}
