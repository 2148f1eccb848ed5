// main serves as its last statement while a goroutine drains: it returns,
// and the process exits, the moment Shutdown begins. The fix makes the
// goroutine close a channel, and main wait for it when the server was
// shut down.
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
	go func() {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, syscall.SIGTERM)
		<-sigs
		time.Sleep(15 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}()
	srv.ListenAndServe() // want `main returns as soon as the server start returns, which is the moment Shutdown begins`
}
