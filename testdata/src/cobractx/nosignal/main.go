// ExecuteContext is given a context that no signal cancels: the RunE's
// wait on cmd.Context() is no handler path, and the program never stops
// on SIGTERM.
package main

import (
	"context"
	"net/http"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	root := &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			srv := &http.Server{Addr: ":8080"}
			go srv.ListenAndServe() // want `server started without handling SIGTERM`
			<-cmd.Context().Done()
			return srv.Shutdown(context.Background())
		},
	}
	if err := root.ExecuteContext(ctx); err != nil {
		os.Exit(1)
	}
}
