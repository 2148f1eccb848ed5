// The drain runs in a goroutine started on the handler path and joined by
// a WaitGroup: it belongs to the path, and nothing delays it.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		srv.Shutdown(context.Background()) // want `Shutdown right after the signal`
	}()
	wg.Wait()
}
