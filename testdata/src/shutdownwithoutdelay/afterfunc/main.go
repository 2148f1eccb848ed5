// context.AfterFunc on the signal context: its function is the handler.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	context.AfterFunc(ctx, func() {
		srv.Shutdown(context.Background()) // want `Shutdown right after the signal`
	})
	srv.ListenAndServe()
}
