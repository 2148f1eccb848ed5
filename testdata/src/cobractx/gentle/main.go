package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

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
			time.Sleep(15 * time.Second)
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			return srv.Shutdown(sctx)
		},
	}
	if err := root.ExecuteContext(ctx); err != nil {
		os.Exit(1)
	}
}
