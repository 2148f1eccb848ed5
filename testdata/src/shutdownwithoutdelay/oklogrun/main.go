// An oklog/run group: when the signal actor returns, every actor's
// interrupt runs. The HTTP actor's interrupt drains at once.
package main

import (
	"context"
	"log"
	"net/http"
	"syscall"
	"time"

	"github.com/oklog/run"
)

func main() {
	var g run.Group
	g.Add(run.SignalHandler(context.Background(), syscall.SIGTERM))
	srv := &http.Server{Addr: ":8080"}
	g.Add(func() error {
		return srv.ListenAndServe()
	}, func(error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx) // want `Shutdown right after the signal`
	})
	if err := g.Run(); err != nil {
		log.Print(err)
	}
}
