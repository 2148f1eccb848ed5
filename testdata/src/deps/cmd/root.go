// Package cmd is a cobra-style command tree in another package of the
// program's module: the server starts in a RunE closure.
package cmd

import (
	"net/http"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use: "app",
	RunE: func(cmd *cobra.Command, args []string) error {
		return http.ListenAndServe(":8080", nil)
	},
}

// Execute runs the root command.
func Execute() error { // want Execute:"startsServer"
	return rootCmd.Execute()
}
