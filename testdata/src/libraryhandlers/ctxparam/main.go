package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"deps/libhandlers"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := libhandlers.Run(ctx, &http.Server{Addr: ":8080"}); err != nil { // want `libhandlers.Run drains the server: Shutdown right after the signal`
		os.Exit(1)
	}
}
