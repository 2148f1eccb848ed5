// Package initcli builds a cobra command tree in its initialization, as
// go-containerregistry's cmd/crane does (var Root = New(...)): its serve
// command waits on its Context(), then drains with it, already done.
package initcli

import (
	"net/http"

	"github.com/spf13/cobra"
)

// Root is the root command.
var Root = New() // want Root:"commandTree\\(serves, handles its context: drain \\(done context\\)\\)"

// New returns the command tree.
func New() *cobra.Command { // want New:"startsServer" New:"drains"
	root := &cobra.Command{Use: "crane"}
	root.AddCommand(newServe())
	return root
}

func newServe() *cobra.Command {
	return &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			srv := &http.Server{Addr: ":8080"}
			go srv.ListenAndServe()
			<-ctx.Done()
			return srv.Shutdown(ctx)
		},
	}
}
