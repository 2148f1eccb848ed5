// A select that waits for the signal (or quit), then cancel: a relay.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, os.Interrupt)
	quit := make(chan struct{})
	go func() {
		select {
		case <-sigs:
		case <-quit:
		}
		cancel()
	}()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	if err := srv.Shutdown(context.Background()); err != nil { // want `Shutdown right after the signal`
		log.Print(err)
	}
}
