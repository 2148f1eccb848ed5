// Package initcmd builds a cobra command tree in package-level variables, // want package:"subscribes\\(SIGTERM\\)"
// as distribution's registry package does (ServeCmd added to RootCmd in
// init): its serve command subscribes, waits, then drains at once.
package initcmd

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// RootCmd is the root command.
var RootCmd = &cobra.Command{Use: "registry"} // want RootCmd:"commandTree\\(serves, handles: drain\\)"

// ServeCmd serves.
var ServeCmd = &cobra.Command{ // want ServeCmd:"commandTree\\(serves, handles: drain\\)"
	Use: "serve",
	Run: func(cmd *cobra.Command, args []string) {
		serve()
	},
}

func init() {
	RootCmd.AddCommand(ServeCmd)
}

func serve() {
	srv := &http.Server{Addr: ":5000"}
	go srv.ListenAndServe()
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	<-quit
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}
