// Two servers closed in the handler (prom-label-proxy's two interrupts):
// each Close is reported; the second one's fix adds no delay of its own.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	admin := &http.Server{Addr: ":9090"}
	go admin.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	srv.Close()   // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown with a timeout`
	admin.Close() // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown with a timeout`
}
