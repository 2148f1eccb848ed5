// The server starts in a cobra RunE closure of another package.
package main

import (
	"deps/cmd"
	"os"
)

func main() {
	if err := cmd.Execute(); err != nil { // want `server started by cmd.Execute without handling SIGTERM`
		os.Exit(1)
	}
}
