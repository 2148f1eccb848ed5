// The drain runs in a goroutine; main returns as soon as the start does.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		time.Sleep(10 * time.Second)
		srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed { // want `main returns as soon as the server start returns, which is the moment Shutdown begins; wait for Shutdown to return`
		log.Fatal(err)
	}
}
