// Command fataldrain waits and drains properly in one goroutine, but the
// goroutine serving exits the process as soon as Shutdown begins, and an
// admin listener is cut with Close.
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
	srv := &http.Server{Addr: ":8080", Handler: http.NotFoundHandler()}
	admin := &http.Server{Addr: ":9090", Handler: http.NotFoundHandler()}
	go func() {
		log.Fatal(srv.ListenAndServe())
	}()
	go admin.ListenAndServe()

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs

	admin.Close()
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Printf("shutdown: %v", err)
	}
}
