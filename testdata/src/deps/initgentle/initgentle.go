// Package initgentle builds a cobra command tree in its initialization
// whose serve command waits on its Context(), sleeps while load
// balancers catch up, then drains with a fresh deadline.
package initgentle

import (
	"context"
	"net/http"
	"time"

	"github.com/spf13/cobra"
)

// Root is the root command.
var Root = &cobra.Command{ // want Root:"commandTree\\(serves, handles its context: delay 15s drain\\)"
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
