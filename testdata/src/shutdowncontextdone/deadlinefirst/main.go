// The drain's deadline starts before the delay, which outlasts it: Shutdown
// gets a context whose deadline has passed and cuts every request.
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
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	time.Sleep(15 * time.Second)
	if err := srv.Shutdown(shutdownCtx); err != nil { // want `the 10s deadline of Shutdown's context has passed before Shutdown runs: the 15s delay comes after it`
		log.Print(err)
	}
}
