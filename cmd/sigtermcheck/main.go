// Command sigtermcheck reports Go HTTP servers that drop requests when
// Kubernetes stops their pod. Run it standalone (sigtermcheck ./...), or as
// go vet -vettool=$(which sigtermcheck) ./...
//
// Run sigtermcheck help for its flags, and sigtermcheck -explain <check>
// for the documentation of a check.
package main

import (
	"github.com/sigtermcheck/sigtermcheck/analyzer"
	"github.com/sigtermcheck/sigtermcheck/internal/driver"
)

func main() {
	driver.Main(analyzer.New())
}
