// Distilled from github.com/prometheus/alertmanager@v0.34.2 (cmd/alertmanager
// passes its signal.NotifyContext context to app.Run). Expected:
// shutdown-without-delay, reported at the lib.Run call. Reported: nothing
// (lib.Run waits on a context parameter, so it has no waitsForSignal fact).
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"fn/ctxparam/lib"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := lib.Run(ctx, &http.Server{Addr: ":8080"}); err != nil {
		os.Exit(1)
	}
}
