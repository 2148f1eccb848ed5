// Reproduces a false positive found in
// github.com/letsencrypt/pebble/v2@v2.10.1 cmd/pebble-challtestsrv (a signal
// helper runs a cleanup callback that drains, then exits). Expected: no
// report. Reported: exit-in-handler at os.Exit(0) in catchSignals.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// catchSignals waits for SIGTERM, runs the cleanup callback, then exits.
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
