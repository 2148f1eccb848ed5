// The same group, whose HTTP actor's interrupt drains after a delay:
// main returns once g.Run does, which is after the drain.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/oklog/run"
)

func main() {
	var g run.Group
	srv := &http.Server{Addr: ":8080"}
	g.Add(func() error {
		return srv.ListenAndServe()
	}, func(error) {
		time.Sleep(15 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	cancel := make(chan struct{})
	g.Add(func() error {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
		select {
		case sig := <-c:
			return fmt.Errorf("received signal %s", sig)
		case <-cancel:
			return nil
		}
	}, func(error) {
		close(cancel)
	})
	log.Println("exit", g.Run())
}
