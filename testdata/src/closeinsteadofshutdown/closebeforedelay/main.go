// The admin server is closed at once, then the handler waits and drains
// the main server. A drain in Close's place would need a delay of its
// own, holding the main drain back as long: the fix drains the admin
// server beside the main one, after the delay.
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
	srv := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	go srv.ListenAndServe()
	go admin.ListenAndServe()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	admin.Close() // want `Close in the SIGTERM handler cuts in-flight requests: stop this server with Shutdown after the handler's delay, beside its other drain`
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
