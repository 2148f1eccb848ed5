// An if with nothing in it between the wait and the close: still a relay.
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
	done := make(chan struct{})
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, os.Interrupt)
	go func() {
		sig := <-sigs
		if sig == os.Interrupt {
			log.Print("interrupted")
		}
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
}
