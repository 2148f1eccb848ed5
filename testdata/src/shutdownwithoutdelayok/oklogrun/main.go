// An oklog/run group whose HTTP actor's interrupt waits, then drains.
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
		time.Sleep(15 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	if err := g.Run(); err != nil {
		log.Print(err)
	}
}
