// context.AfterFunc on the signal context, whose function waits, then
// drains with a deadline while main waits for it: the correct shape, not
// reported.
package main

import (
	"context"
	"errors"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	drained := make(chan struct{})
	context.AfterFunc(ctx, func() {
		defer close(drained)
		time.Sleep(15 * time.Second)
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
	})
	if err := srv.ListenAndServe(); errors.Is(err, http.ErrServerClosed) {
		<-drained
	}
}
