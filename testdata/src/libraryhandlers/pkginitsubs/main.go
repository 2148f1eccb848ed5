// A server's command tree from another package, run on a SIGTERM context,
// whose serve command drains gently and whose other commands only read
// their context: nothing to report.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"deps/inittrees"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer cancel()
	if err := inittrees.ServerCmd.ExecuteContext(ctx); err != nil {
		os.Exit(1)
	}
}
