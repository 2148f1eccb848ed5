// After the signal, main waits for something we cannot see (a goroutine
// that drains): not reported.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ctx.Done()
		time.Sleep(10 * time.Second)
		srv.Shutdown(context.Background())
	}()
	go srv.ListenAndServe()
	<-ctx.Done()
	wg.Wait()
}
