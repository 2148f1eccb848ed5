// The delay eats most of the deadline: 3s are left to drain.
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
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	time.Sleep(17 * time.Second)
	srv.Shutdown(shutdownCtx) // want `the 17s delay eats the 20s deadline of Shutdown's context, leaving 3s to drain, under the min-drain setting \(5s\)`
}
