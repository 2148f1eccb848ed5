// The wait is in a same-package helper; the relay goroutine is started before it.
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

func waitForSignal(sigs <-chan os.Signal) os.Signal { return <-sigs }

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, os.Interrupt)
	done := make(chan struct{})
	go func() {
		<-sigs
		close(done)
	}()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-done
	if err := srv.Shutdown(context.Background()); err != nil { // want `Shutdown right after the signal`
		log.Print(err)
	}
	log.Printf("second signal: %v", waitForSignal(sigs))
}
