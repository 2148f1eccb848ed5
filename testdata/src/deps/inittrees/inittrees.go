// Package inittrees has two command trees in package-level variables: a
// server whose serve command drains gently, beside subcommands that read
// their context and serve nothing (a log follower, a migration), and a
// client that serves nothing at all.
package inittrees

import (
	"context"
	"net/http"
	"time"

	"github.com/spf13/cobra"
)

// ServerCmd is the server's root command.
var ServerCmd = &cobra.Command{Use: "server"} // want ServerCmd:"commandTree\\(serves, handles its context: delay 15s drain\\)"

// CtlCmd is the client's root command.
var CtlCmd = &cobra.Command{
	Use: "ctl",
	RunE: func(cmd *cobra.Command, _ []string) error {
		_, err := http.Get("http://localhost:8080/status")
		return err
	},
}

func init() {
	ServerCmd.AddCommand(logsCmd(), migrateCmd(), serveCmd())
}

// logsCmd follows logs until the context is done, then returns.
func logsCmd() *cobra.Command {
	return &cobra.Command{
		Use: "logs",
		RunE: func(cmd *cobra.Command, _ []string) error {
			<-cmd.Context().Done()
			return nil
		},
	}
}

// migrateCmd stops early when the context is done already.
func migrateCmd() *cobra.Command {
	return &cobra.Command{
		Use: "migrate",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := cmd.Context().Err(); err != nil {
				return err
			}
			return nil
		},
	}
}

func serveCmd() *cobra.Command {
	return &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv := &http.Server{Addr: ":8080"}
			go srv.ListenAndServe()
			<-cmd.Context().Done()
			time.Sleep(15 * time.Second)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			return srv.Shutdown(ctx)
		},
	}
}
