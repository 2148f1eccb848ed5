// A context that a goroutine cancels right after the signal is done from
// then on: a drain given it returns at once.
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
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-sigs
		cancel()
	}()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	srv.Shutdown(ctx) // want `Shutdown is given the signal context`
}
