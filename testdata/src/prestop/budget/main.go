// With -prestop-delay=15s, a further 12s in-app delay leaves 3s of the
// grace period.
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
	time.Sleep(12 * time.Second)
	srv.Shutdown(context.Background()) // want `Shutdown starts 27s into the 30s grace period \(the preStop hook's 15s included\), leaving 3s to drain`
}
