// Reproduces a false positive found in
// github.com/letsencrypt/pebble/v2@v2.10.1 cmd/pebble-challtestsrv
// (main.go:168, cmd.CatchSignals(func() { srv.Shutdown(); ... })). Expected:
// no report. Reported: exit-in-handler "main returns after the signal without
// draining the server" at lib.CatchSignals (which never returns).
package main

import (
	"context"
	"net/http"
	"time"

	"fp/callbackdrainlib/lib"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	lib.CatchSignals(func() {
		time.Sleep(10 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
}
