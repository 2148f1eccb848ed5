// An inverted guard: the goroutine exits exactly when the server was shut
// down, which is the moment the drain begins. Reported; no fix (the
// condition says the opposite of what was meant: rewrite it by hand).
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err) // want `exit as soon as the server start returns`
		}
	}()
	go func() {
		if err := srv.ListenAndServe(); err == http.ErrServerClosed {
			os.Exit(0) // want `exit as soon as the server start returns`
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
