// A cobra command's RunE waits on cmd.Context(), the signal context that
// main gave ExecuteContext, then drains at once.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv := &http.Server{Addr: ":8080"}
			go srv.ListenAndServe()
			<-cmd.Context().Done()
			return srv.Shutdown(context.Background()) // want `Shutdown right after the signal`
		},
	}
	if err := root.ExecuteContext(ctx); err != nil {
		os.Exit(1)
	}
}
