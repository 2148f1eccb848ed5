// sync.Once.Do runs its function now: the drain comes before the exit.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

var (
	srv  = &http.Server{Addr: ":8080"}
	once sync.Once
)

func stop() {
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

func main() {
	go srv.ListenAndServe()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	once.Do(stop)
	os.Exit(0)
}
