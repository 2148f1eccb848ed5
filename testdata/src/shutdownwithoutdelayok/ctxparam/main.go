// Another package's Run that waits on the given signal context, delays,
// then drains; and one given a context no signal cancels.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"deps/runctx"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go runctx.Run(context.Background(), &http.Server{Addr: ":8081"})
	if err := runctx.RunGracefully(ctx, &http.Server{Addr: ":8080"}, 15*time.Second); err != nil {
		log.Fatal(err)
	}
}
