// Package initcli builds a command tree in its initialization, as cobra
// programs do (go-containerregistry's cmd/crane).
package initcli

import (
	"context"
	"net/http"
)

// Command is a cut-down cobra.Command.
type Command struct {
	RunE func(ctx context.Context) error
}

func (c *Command) ExecuteContext(ctx context.Context) error { return c.RunE(ctx) }

// Root is built by the package's initialization, as cobra command trees are.
var Root = &Command{
	RunE: func(ctx context.Context) error {
		srv := &http.Server{Addr: ":8080"}
		go srv.ListenAndServe()
		<-ctx.Done()
		return srv.Shutdown(ctx) // the signal context: already done
	},
}
