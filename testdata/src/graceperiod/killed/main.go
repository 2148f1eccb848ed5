// Two delays add up past the grace period: SIGKILL comes first.
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
	time.Sleep(20 * time.Second)
	<-time.After(15 * time.Second)
	srv.Shutdown(context.Background()) // want `Shutdown starts 35s into the 30s grace period: SIGKILL comes first; shorten the delay or raise terminationGracePeriodSeconds`
}
