// Distilled from github.com/google/go-containerregistry@v0.22.1 cmd/crane
// (`crane registry serve`: a cobra RunE built in package cmd's var
// initialization). Expected: missing-sigterm at the NotifyContext call
// (os.Interrupt only) and shutdown-context-done at srv.Shutdown(ctx) (reported
// at the ExecuteContext call). Reported at 14e0f11: nothing (the server
// start is not seen: it is reachable only through another package's
// initialization). Found since the commandTree package fact.
package main

import (
	"context"
	"os"
	"os/signal"

	"fn/pkginitcmd/cli"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	if err := cli.Root.ExecuteContext(ctx); err != nil {
		os.Exit(1)
	}
}
