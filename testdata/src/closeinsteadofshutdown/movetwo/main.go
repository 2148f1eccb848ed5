// Two servers closed before the handler's delay and drain: both are
// reported, and both reports offer the one fix that drains both beside
// the later drain.
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
	a := &http.Server{Addr: ":8080"}
	b := &http.Server{Addr: ":8082"}
	srv := &http.Server{Addr: ":8081"}
	go a.ListenAndServe()
	go b.ListenAndServe()
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	a.Close() // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown after the delay, beside the other drain`
	b.Close() // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown after the delay, beside the other drain`
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
