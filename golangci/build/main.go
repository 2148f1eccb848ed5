// Command golangci-lint is golangci-lint v2 with the sigtermcheck module
// plugin compiled in: what `golangci-lint custom` builds from
// ../.custom-gcl.yml, built here from the Go module proxy alone.
//
// This is a module of its own because golangci-lint is GPL-3.0 licensed:
// sigtermcheck's module never depends on it. Build it with ../build.sh.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/sigtermcheck/sigtermcheck/golangci" // registers the sigtermcheck plugin
)

func main() {
	info := commands.BuildInfo{
		GoVersion: runtime.Version(),
		// golangci-lint salts its result cache with the version; for
		// "(devel)" it hashes its own executable, so that a rebuild with
		// a changed sigtermcheck never reuses stale results.
		Version: "(devel)",
		Commit:  "golangci-lint " + depVersion("github.com/golangci/golangci-lint/v2") + " with the sigtermcheck plugin",
		Date:    "(unknown)",
	}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// depVersion returns the version of the named module compiled in.
func depVersion(path string) string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range bi.Deps {
			if dep.Path == path {
				return dep.Version
			}
		}
	}
	return "(unknown version)"
}
