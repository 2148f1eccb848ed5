// The delay comes after Shutdown, in a goroutine; time is imported as t.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	t "time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		srv.Shutdown(context.Background()) // want `the delay comes after Shutdown`
		t.Sleep(10 * t.Second)
	}()
	srv.ListenAndServe()
}
