// log.Fatal(srv.ListenAndServe()) in a goroutine of a draining program.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		log.Fatal(srv.ListenAndServe()) // want `exit as soon as the server start returns, which is when Shutdown begins; exclude http.ErrServerClosed`
	}()
	<-ctx.Done()
	time.Sleep(10 * time.Second)
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
}
