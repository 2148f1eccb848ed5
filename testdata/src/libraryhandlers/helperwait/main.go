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
	app := &libhandlers.App{Srv: &http.Server{Addr: ":8080"}}
	app.Run(ctx) // want `libhandlers.App.Run drains the server: Shutdown right after the signal`
}
