// A deferred Shutdown with no delay: reported, but no fix, since a
// statement inserted before the defer would run before the signal.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	defer srv.Shutdown(context.Background()) // want `Shutdown right after the signal`
	<-ctx.Done()
}
