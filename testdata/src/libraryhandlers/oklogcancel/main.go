// An oklog/run group whose web actor runs a library handler on a context
// that the actor's interrupt cancels (Prometheus's main: cancelWeb()):
// when the signal actor returns, the group interrupts every actor, so
// that context is done right after the signal, and the library drains
// with it at once.
package main

import (
	"context"
	"log"
	"os"
	"syscall"

	"deps/webhandler"

	"github.com/oklog/run"
)

func main() {
	var g run.Group
	g.Add(run.SignalHandler(context.Background(), os.Interrupt, syscall.SIGTERM))
	ctxWeb, cancelWeb := context.WithCancel(context.Background())
	var opts struct{ Context context.Context }
	opts.Context = ctxWeb // (the setup may use it too; no other actor does)
	h := webhandler.New(":9090")
	_ = opts
	g.Add(
		func() error {
			return h.Run(ctxWeb) // want `webhandler.Handler.Run drains the server: Shutdown is given the signal context` `webhandler.Handler.Run drains the server: Shutdown right after the signal`
		},
		func(error) {
			log.Println("stopping the web handler")
			cancelWeb()
		},
	)
	if err := g.Run(); err != nil {
		os.Exit(1)
	}
}
