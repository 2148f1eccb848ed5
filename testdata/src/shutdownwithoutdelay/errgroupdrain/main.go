// The drains run in errgroup goroutines started after the signal and
// joined by Wait: they belong to the handler path, with no delay before.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	go api.ListenAndServe()
	go admin.ListenAndServe()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var g errgroup.Group
	g.Go(func() error { return api.Shutdown(shutdownCtx) })   // want `Shutdown right after the signal`
	g.Go(func() error { return admin.Shutdown(shutdownCtx) }) // (one report: one delay fixes both)
	g.Wait()
}
