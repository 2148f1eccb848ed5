// Package cmdlib builds commands whose Run drains at once on SIGTERM, for
// a main package to Execute (centrifugo's app.Centrifugo(), kine's
// app.New()).
package cmdlib

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/urfave/cli/v2"
)

// Command returns the server command.
func Command() *cobra.Command { // want Command:"startsServer" Command:"subscribes\\(SIGTERM\\)" Command:"drains" Command:"handles\\(signal in a goroutine: drain\\)"
	return &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			return serve()
		},
	}
}

// App returns the server app.
func App() *cli.App { // want App:"startsServer" App:"subscribes\\(SIGTERM\\)" App:"drains" App:"handles\\(signal in a goroutine: drain\\)"
	app := &cli.App{Name: "server"}
	app.Action = run
	return app
}

func run(*cli.Context) error { return serve() }

func serve() error {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	return srv.Shutdown(context.Background())
}
