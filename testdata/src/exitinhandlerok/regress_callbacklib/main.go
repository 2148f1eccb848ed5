// Regression (pebble-challtestsrv): a library waits for SIGTERM, runs the
// cleanup callback it was given, then exits: the callback drains first.
package main

import (
	"context"
	"deps/lifecycle"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	lifecycle.CatchSignals(func() {
		time.Sleep(10 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
}
