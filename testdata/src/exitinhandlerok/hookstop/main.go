// An fx-style hook stored in a struct field: calling OnStop runs the
// closure, which waits and drains, so the exit after it is not reported.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

type Hook struct {
	OnStart func(context.Context) error
	OnStop  func(context.Context) error
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	hooks := []Hook{{
		OnStart: func(context.Context) error { go srv.ListenAndServe(); return nil },
		OnStop: func(ctx context.Context) error {
			time.Sleep(15 * time.Second)
			ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			return srv.Shutdown(ctx)
		},
	}}
	for _, h := range hooks {
		h.OnStart(context.Background())
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	for _, h := range hooks {
		h.OnStop(context.Background())
	}
	os.Exit(0)
}
