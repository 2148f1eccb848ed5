// A SIGHUP/SIGTERM dispatcher cancels a context in the SIGTERM case: a relay.
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

func reload() {}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM, os.Interrupt)
	go func() {
		for sig := range sigs {
			switch sig {
			case syscall.SIGHUP:
				reload()
			case syscall.SIGTERM, os.Interrupt:
				cancel()
			}
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
