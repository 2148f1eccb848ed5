package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"deps/libhandlers"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	libhandlers.Listen(ctx, &http.Server{Addr: ":8080"}) // want `libhandlers.Listen drains the server: Shutdown right after the signal`
	<-ctx.Done()                                         // want `main returns after the signal without draining the server`
	time.Sleep(20 * time.Second)                         // (the library's drain may be cut: main does not wait for it)
}
