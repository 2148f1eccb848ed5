// An oklog/run group whose second actor's interrupt drains gently with a
// context derived from ctx, which a later actor's interrupt cancels: the
// interrupts run in order, so that cancel comes after the drain, and ctx
// is not the signal context there. Nothing to report.
package main

import (
	"context"
	"log"
	"net/http"
	"syscall"
	"time"

	"github.com/oklog/run"
)

func worker(ctx context.Context) error {
	<-ctx.Done()
	return nil
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	ctx, cancel := context.WithCancel(context.Background())
	var g run.Group
	g.Add(run.SignalHandler(context.Background(), syscall.SIGTERM))
	g.Add(func() error {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			return err
		}
		return nil
	}, func(error) {
		time.Sleep(15 * time.Second)
		sctx, c := context.WithTimeout(ctx, 10*time.Second)
		defer c()
		srv.Shutdown(sctx)
	})
	g.Add(func() error { return worker(ctx) }, func(error) { cancel() })
	log.Println(g.Run())
}
