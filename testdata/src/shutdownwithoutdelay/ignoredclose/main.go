// A suppressed Close of a local debug server, then the main server's
// Shutdown with no delay: the Close does not hide the missing delay.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	debug := &http.Server{Addr: "localhost:6060"}
	go debug.ListenAndServe()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	//sigtermcheck:ignore close-instead-of-shutdown local pprof server, nothing routes to it
	debug.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // want `Shutdown right after the signal`
}
