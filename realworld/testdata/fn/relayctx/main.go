// Distilled from github.com/oauth2-proxy/oauth2-proxy/v7@v7.15.6
// (OAuthProxy.Start relays the signal into a cancel, then calls
// p.server.Start(ctx) on a proxyhttp.Server interface whose concrete
// serverGroup starts each server in a goroutine that waits on ctx and
// drains). Expected: shutdown-without-delay at the p.server.Start call.
// Reported: nothing (a relayed context, an interface call whose concrete type
// is in the program, goroutines in another package).
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"fn/relayctx/lib"
)

type proxy struct {
	server lib.Server
}

func (p *proxy) Start() error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
		<-c
		cancel()
	}()
	return p.server.Start(ctx) // expected: shutdown-without-delay
}

func main() {
	p := &proxy{server: lib.NewGroup(lib.NewServer(&http.Server{Addr: ":8080"}), lib.NewServer(&http.Server{Addr: ":9090"}))}
	if err := p.Start(); err != nil {
		os.Exit(1)
	}
}
