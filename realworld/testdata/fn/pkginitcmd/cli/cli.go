package cli

import (
	"net/http"

	"github.com/spf13/cobra"
)

// Root is built by the package's initialization, as crane's cmd.Root is.
var Root = &cobra.Command{
	Use: "serve",
	RunE: func(cmd *cobra.Command, _ []string) error {
		ctx := cmd.Context()
		srv := &http.Server{Addr: ":8080"}
		go srv.ListenAndServe()
		<-ctx.Done()
		return srv.Shutdown(ctx) // the signal context: already done
	},
}
