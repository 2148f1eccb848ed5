package delays_test

import (
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermcheck/sigtermcheck/analyzer/delays"
)

// TestDelays asserts the delays facts of a library and of a package that
// calls it: sleeps, timers and selects on timers at the top level of a
// body delay, as do calls of functions that delay; what only some calls
// run, a select with a default and literals do not, and a recursive
// call adds nothing.
func TestDelays(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), delays.Analyzer, "lib", "user", "deepchain")
}

// TestResult asserts what the Result says of every function of a
// package, unexported ones included, by reporting it at each.
func TestResult(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), reporter, "results")
}

var reporter = &analysis.Analyzer{
	Name:     "reportdelays",
	Doc:      "report the delay of every function",
	Requires: []*analysis.Analyzer{delays.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		r := pass.ResultOf[delays.Analyzer].(*delays.Result)
		for _, file := range pass.Files {
			for _, decl := range file.Decls {
				decl, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				d, isConst, ok := r.Of(pass.TypesInfo.Defs[decl.Name].(*types.Func))
				switch {
				case !ok:
				case isConst:
					pass.Reportf(decl.Pos(), "delay %v", d)
				default:
					pass.Reportf(decl.Pos(), "delay non-constant")
				}
			}
		}
		return nil, nil
	},
}
