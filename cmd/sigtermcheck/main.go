// Command sigtermcheck reports Go HTTP servers that drop requests when
// Kubernetes stops their pod. Run it standalone (sigtermcheck ./...), or as
// go vet -vettool=$(which sigtermcheck) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

func main() { singlechecker.Main(analyzer.New()) }
