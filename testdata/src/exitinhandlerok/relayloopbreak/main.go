// A send after a branch that breaks on the signal is not a relay: the loop sends samples until then.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()

	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()

	// poll a queue until the signal
	samples := make(chan int)
	go func() {
		for i := 0; ; i++ {
			if ctx.Err() != nil {
				break
			}
			samples <- i
		}
	}()
	go func() {
		for s := range samples {
			if s < 0 {
				log.Fatalf("negative sample %d", s)
			}
		}
	}()

	<-ctx.Done()
	time.Sleep(15 * time.Second)
	shCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shCtx); err != nil {
		log.Printf("shutdown: %v", err)
	}
}
