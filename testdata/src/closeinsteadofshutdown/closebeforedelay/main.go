// The web server is closed at once, then the handler waits and drains
// the metrics server. A drain in Close's place would need a delay of its
// own, holding the other drain back as long: the fix drains the web
// server beside the other one, after the delay.
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
	metrics := &http.Server{Addr: ":9090"}
	web := &http.Server{Addr: ":8080"}
	go metrics.ListenAndServe()
	go web.ListenAndServe()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	web.Close() // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown after the delay, beside the other drain`
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	metrics.Shutdown(ctx)
}
