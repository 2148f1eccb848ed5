// main waits for the drain in the branch the start's http.ErrServerClosed
// takes (the shape exit-before-drain's fix writes for a bare start): not
// reported (a regression: it was).
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
