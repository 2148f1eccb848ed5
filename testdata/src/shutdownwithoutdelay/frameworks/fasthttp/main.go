// fasthttp's ShutdownWithContext right after the signal.
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
	go func() {
		if err := srv.ListenAndServe(":8080"); err != nil {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.ShutdownWithContext(shutdownCtx); err != nil { // want `ShutdownWithContext right after the signal`
		log.Print(err)
	}
}
