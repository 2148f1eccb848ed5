// An oklog/run group whose signal actor drains gently itself; the server
// actor's interrupt then closes what is left (it also stops the server
// when another actor fails first). The signal actor's drain comes before
// the interrupts: nothing to report.
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

func main() {
	srv := &http.Server{Addr: ":8080"}
	var g run.Group
	g.Add(func() error {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			return err
		}
		return nil
	}, func(error) { srv.Close() })
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	stop := make(chan struct{})
	g.Add(func() error {
		select {
		case <-sigs:
		case <-stop:
			return nil
		}
		time.Sleep(15 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(ctx)
	}, func(error) { close(stop) })
	log.Println(g.Run())
}
