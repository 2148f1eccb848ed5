// A command tree built by another package's initialization, run with
// ExecuteContext on a SIGINT-only signal context (crane's main): its serve
// command drains with that context, done by then, and at once.
package main

import (
	"context"
	"os"
	"os/signal"

	"deps/initcli"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt) // want `signal.NotifyContext subscribes to SIGINT but not to SIGTERM`
	defer cancel()
	if err := initcli.Root.ExecuteContext(ctx); err != nil { // want `initcli.Root's command drains the server: Shutdown is given the signal context` `initcli.Root's command drains the server: Shutdown right after the signal`
		os.Exit(1)
	}
}
