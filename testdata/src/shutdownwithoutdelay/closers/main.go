// A closers slice: srv.Shutdown is stored as a method value and called in
// a loop after the signal. Reported at the call; the delay goes before
// the deadline, outside the loop.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	var closers []func(context.Context) error
	closers = append(closers, srv.Shutdown)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, c := range closers {
		c(ctx) // want `Shutdown right after the signal`
	}
}
