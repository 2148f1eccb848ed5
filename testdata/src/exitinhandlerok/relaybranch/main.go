// A send in a branch (only when not shutting down) reports a failure, not the signal: errc does not relay it.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()

	srv := &http.Server{Addr: ":8080"}
	errc := make(chan error, 1)
	go func() {
		err := srv.ListenAndServe()
		if ctx.Err() == nil { // not shutting down: a real failure
			errc <- err
		}
	}()

	select {
	case err := <-errc:
		log.Fatalf("server failed: %v", err)
	case <-ctx.Done():
	}
	time.Sleep(15 * time.Second)
	shCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shCtx); err != nil {
		log.Printf("shutdown: %v", err)
	}
}
