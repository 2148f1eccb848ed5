// The same with a propagation delay, and a goroutine given a context no
// signal cancels: nothing to report.
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
	go libhandlers.RunGently(ctx, &http.Server{Addr: ":8080"})
	go libhandlers.Run(context.Background(), &http.Server{Addr: ":9090"})
	select {}
}
