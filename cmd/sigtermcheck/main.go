// Command sigtermcheck reports Go HTTP servers that drop requests when
// Kubernetes stops their pod. Run it standalone (sigtermcheck ./...), or as
// go vet -vettool=$(which sigtermcheck) ./...
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

func main() {
	flag.CommandLine.Usage = usage
	singlechecker.Main(analyzer.New())
}

// usage prints the full usage when asked for it. After a bad flag, the
// flag package has already printed the error naming the flag; one line
// more is enough, since go vet runs the tool once per package and would
// repeat a full usage text for each.
func usage() {
	if slices.ContainsFunc(os.Args[1:], isHelp) {
		flag.Usage() // set by singlechecker.Main
		return
	}
	fmt.Fprintln(os.Stderr, "run 'sigtermcheck -help' for usage")
}

func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "--h":
		return true
	}
	return false
}
