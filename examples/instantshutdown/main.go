// Command instantshutdown drains on SIGTERM, but at once, and with the
// signal context: its listeners close while load balancers still route to
// it, and Shutdown returns without waiting for requests, whose own
// contexts were already cancelled by the signal.
package main

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()

	srv := &http.Server{
		Addr:        ":8080",
		Handler:     http.NotFoundHandler(),
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	<-ctx.Done()
	log.Print("shutting down")
	if err := srv.Shutdown(ctx); err != nil {
		log.Printf("shutdown: %v", err)
	}
}
