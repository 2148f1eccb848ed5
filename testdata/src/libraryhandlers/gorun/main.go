// A library function that waits on the context it is given and drains at
// once, run in a goroutine by main: reported at the go statement's call.
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
	go libhandlers.Run(ctx, &http.Server{Addr: ":8080"}) // want `libhandlers.Run drains the server: Shutdown right after the signal`
	select {}
}
