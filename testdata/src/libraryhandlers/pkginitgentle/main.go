// A command tree built by another package's initialization whose serve
// command, run on a SIGTERM context, sleeps before draining with a fresh
// deadline: nothing to report.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"deps/initgentle"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer cancel()
	if err := initgentle.Root.ExecuteContext(ctx); err != nil {
		os.Exit(1)
	}
}
