// A range over the signal channel cancels a context: a relay.
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
	go func() {
		for sig := range sigs {
			log.Printf("got %v, shutting down", sig)
			cancel()
		}
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
