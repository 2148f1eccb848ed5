// Run with -min-delay=1s: a 2s delay is enough, 500ms is not.
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
	go func() {
		<-ctx.Done()
		time.Sleep(500 * time.Millisecond)
		b.Shutdown(context.Background()) // want `the 500ms delay before Shutdown is shorter than the min-delay setting \(1s\)`
	}()
	<-ctx.Done()
	time.Sleep(2 * time.Second)
	a.Shutdown(context.Background())
}
