// The force-quit idiom with the second signal received in a goroutine of
// its own, started after the first: its exit is not on the handler path.
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
	go srv.ListenAndServe()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGTERM, os.Interrupt)
	<-sigs
	go func() {
		<-sigs
		log.Print("second signal: exiting now")
		os.Exit(1)
	}()
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
