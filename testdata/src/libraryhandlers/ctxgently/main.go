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
	if err := libhandlers.RunGently(ctx, &http.Server{Addr: ":8081"}); err != nil {
		os.Exit(1)
	}
}
