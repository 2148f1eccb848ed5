// Command noop is a go vet tool that does nothing: one analyzer that
// requires the inspect pass and reports nothing. It is the baseline of
// bench/vet.sh, which measures what sigtermcheck costs on top of the work
// every x/tools vet tool does anyway (parsing, type checking, reading
// export data, building the inspector).
//
//	go build -o /tmp/noop ./bench/noop
//	go vet -vettool=/tmp/noop ./...
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/unitchecker"
)

var analyzer = &analysis.Analyzer{
	Name:     "noop",
	Doc:      "noop requires the inspect pass and reports nothing; it is the baseline of bench/vet.sh",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// run takes the inspector, so that the inspect pass is built as it is for
// a real analyzer, and does nothing with it.
func run(pass *analysis.Pass) (any, error) {
	_ = pass.ResultOf[inspect.Analyzer]
	return nil, nil
}

func main() { unitchecker.Main(analyzer) }
