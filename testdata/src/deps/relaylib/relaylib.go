// Package relaylib sets up a signal context and hands it to library
// functions that wait on it, as kine's app does (run: a signal context
// from signals.SetupSignalContext, given to endpoint.Listen, whose
// goroutine waits on it and drains, and to go metrics.Serve(ctx, ...),
// which waits on it and drains): the handler paths are the libraries',
// and this package's callers see none of them.
package relaylib

import (
	"context"
	"net/http"
	"sync"

	"deps/libhandlers"
	"deps/shut"

	"github.com/urfave/cli/v2"
)

// Start serves until SIGTERM.
func Start() { // want Start:"startsServer" Start:"subscribes\\(SIGTERM\\)" Start:"drains" Start:"handles\\(signal in a goroutine: drain\\)"
	ctx, cancel := shut.Context()
	defer cancel()
	libhandlers.Listen(ctx, &http.Server{Addr: ":8080"})
}

// Serve serves until SIGTERM, in a goroutine it starts.
func Serve() { // want Serve:"startsServer" Serve:"subscribes\\(SIGTERM\\)" Serve:"drains" Serve:"handles\\(signal in a goroutine: drain\\)"
	ctx, _ := shut.Context()
	go libhandlers.Run(ctx, &http.Server{Addr: ":9090"})
}

// ServeGently is Serve with a propagation delay.
func ServeGently() { // want ServeGently:"startsServer" ServeGently:"subscribes\\(SIGTERM\\)" ServeGently:"drains" ServeGently:"handles\\(signal in a goroutine: delay 15s drain\\)"
	ctx, _ := shut.Context()
	go libhandlers.RunGently(ctx, &http.Server{Addr: ":9090"})
}

// Quiet gives the libraries a context that no signal cancels.
func Quiet(srv *http.Server) { // want Quiet:"startsServer" Quiet:"drains"
	go libhandlers.Run(context.Background(), srv)
}

// App returns a CLI app whose Action serves until SIGTERM, as kine's
// app.New() does: the Action's own read of ctx.Err() once its goroutines
// are done is no handler path (nothing follows it); the handler path is
// the one of the goroutine it starts with go libhandlers.Run(ctx, ...).
func App() *cli.App { // want App:"startsServer" App:"subscribes\\(SIGTERM\\)" App:"drains" App:"handles\\(signal in a goroutine: drain\\)"
	app := &cli.App{Name: "kine"}
	app.Action = run
	return app
}

func run(*cli.Context) (rerr error) {
	ctx, cancel := shut.Context()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		libhandlers.Run(ctx, &http.Server{Addr: ":8080"})
	}()
	defer func() {
		wg.Wait()
		cancel()
		if rerr == nil {
			rerr = ctx.Err()
		}
	}()
	return nil
}
