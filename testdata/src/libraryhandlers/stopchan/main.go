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
	libhandlers.Until(ctx.Done(), &http.Server{Addr: ":8080"}) // want `libhandlers.Until drains the server: Shutdown right after the signal`
}
