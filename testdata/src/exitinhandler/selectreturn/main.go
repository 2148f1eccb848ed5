// main returns from a select loop on the signal: reported at the case.
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
	errc := make(chan error, 1)
	go func() { errc <- http.ListenAndServe(":8080", nil) }()
	tick := time.NewTicker(time.Minute)
	for {
		select {
		case <-ctx.Done(): // want `main returns after the signal without draining the server`
			return
		case err := <-errc:
			log.Fatal(err)
		case <-tick.C:
			log.Print("tick")
		}
	}
}
