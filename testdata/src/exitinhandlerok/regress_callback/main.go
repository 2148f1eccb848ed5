// Regression (pebble-challtestsrv, same package): the handler calls a
// callback parameter, which may drain, before it exits.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func catchSignals(callback func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	callback()
	os.Exit(0)
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	catchSignals(func() {
		time.Sleep(10 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
}
