// An event loop: the tick case neither names the signal nor ends the loop, so it is not on the handler path.
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

type event int

const (
	evTick event = iota
	evStop
)

func flush() error { return nil }

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	events := make(chan event)
	go func() {
		for range time.Tick(time.Minute) {
			events <- evTick
		}
	}()
	go func() {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, syscall.SIGTERM, os.Interrupt)
		<-sigs
		events <- evStop
	}()

	for ev := range events {
		switch ev {
		case evTick:
			if err := flush(); err != nil {
				log.Fatalf("flush: %v", err)
			}
		case evStop:
			time.Sleep(15 * time.Second)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(ctx); err != nil {
				log.Printf("shutdown: %v", err)
			}
			return
		}
	}
}
