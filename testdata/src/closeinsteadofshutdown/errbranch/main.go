// A Close on an error path that returns, before the handler's delay and
// drain: reported, with no fix (moving it beside the later drain would
// leave that path with nothing that stops the server).
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func flush() error { return nil }

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	admin := &http.Server{Addr: ":9090"}
	go admin.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	if err := flush(); err != nil {
		admin.Close() // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown after the delay, beside the other drain`
		return
	}
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
