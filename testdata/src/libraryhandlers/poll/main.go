package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"

	"deps/libhandlers"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	libhandlers.RunPolling(ctx, &http.Server{Addr: ":8081"}) // want `libhandlers.RunPolling drains the server: Shutdown right after the signal`
}
