// An oklog/run group whose signal actor drains gently with a context
// derived from ctx, which another actor's interrupt cancels only once
// the signal actor has returned: nothing to report.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
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
	g.Add(func() error { return worker(ctx) }, func(error) { cancel() })
	g.Add(func() error {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			return err
		}
		return nil
	}, func(error) {})
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	g.Add(func() error {
		<-sigs
		time.Sleep(15 * time.Second)
		sctx, c := context.WithTimeout(ctx, 10*time.Second)
		defer c()
		return srv.Shutdown(sctx)
	}, func(error) {})
	if err := g.Run(); err != nil {
		log.Println(err)
	}
}
