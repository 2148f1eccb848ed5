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
	"time"

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

// GentleCommand returns a server command whose Run waits for load
// balancers before it drains.
func GentleCommand() *cobra.Command { // want GentleCommand:"startsServer" GentleCommand:"subscribes\\(SIGTERM\\)" GentleCommand:"drains" GentleCommand:"handles\\(signal in a goroutine: delay 15s drain\\)"
	return &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv := &http.Server{Addr: ":8080"}
			go srv.ListenAndServe()
			c := make(chan os.Signal, 1)
			signal.Notify(c, syscall.SIGTERM)
			<-c
			time.Sleep(15 * time.Second)
			return srv.Shutdown(context.Background())
		},
	}
}
