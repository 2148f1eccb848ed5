// A switch on the received signal whose cases are variables: the stop case is walked.
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

var (
	reloadSignal os.Signal = syscall.SIGHUP
	stopSignal   os.Signal = syscall.SIGTERM
)

func reload() {}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, reloadSignal, stopSignal)
	running := true
	for running {
		sig := <-sigs
		switch sig {
		case reloadSignal:
			reload()
		case stopSignal:
			if err := srv.Shutdown(context.Background()); err != nil { // want `Shutdown right after the signal`
				log.Print(err)
			}
			running = false
		}
	}
}
