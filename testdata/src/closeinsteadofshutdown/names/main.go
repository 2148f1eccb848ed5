// The fix's names avoid those in scope.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	shutdownCtx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer cancel()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-shutdownCtx.Done()
	srv.Close() // want `Close in the SIGTERM handler`
	var cancel2 int
	_ = cancel2
}
