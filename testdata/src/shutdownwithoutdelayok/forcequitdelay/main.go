// A delay that a second signal cuts short.
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
	go srv.ListenAndServe()
	c := make(chan os.Signal, 2)
	signal.Notify(c, syscall.SIGTERM, os.Interrupt)
	<-c
	select {
	case <-time.After(15 * time.Second):
	case <-c:
		os.Exit(1)
	}
	srv.Shutdown(context.Background())
}
