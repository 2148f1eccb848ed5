// The graceful shape with fasthttp, the server serving in main's own
// goroutine: main waits for the drain before it returns.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

	"github.com/valyala/fasthttp"
)

func main() {
	srv := &fasthttp.Server{Handler: func(ctx *fasthttp.RequestCtx) {}}
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		defer stop()
		<-ctx.Done()
		time.Sleep(15 * time.Second)
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.ShutdownWithContext(shutdownCtx); err != nil {
			log.Print(err)
		}
	}()
	if err := srv.ListenAndServe(":8080"); err != nil {
		log.Fatal(err)
	}
	<-drained
}
