// Package relevance is a stage of sigtermcheck: it decides, from a
// package's direct imports alone, whether the package can start a server,
// subscribe to a signal or drain. sigtermcheck runs on every package of
// the build graph, the standard library included, and most packages
// cannot: those cost it almost nothing.
//
// A package can matter when it is a root (net/http, os/signal, a
// framework; the caller says which) or imports a root or a package that
// matters. Such a package (other than a program, which nothing imports)
// gets the package fact "matters", which decides for its importers.
package relevance

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Result says whether the package being analyzed can matter.
type Result struct {
	Matters bool
}

// matters is the package fact of a package that can matter.
type matters struct{}

func (*matters) AFact()         {}
func (*matters) String() string { return "matters" }

// New returns the stage's analyzer, for which isRoot tells the packages
// that everything sigtermcheck looks for comes from. A program uses one
// analyzer, so that the facts of one package are seen by its importers.
func New(isRoot func(path string) bool) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "relevance",
		Doc:        "decide from the imports whether a package can start, stop or signal a server",
		URL:        "https://github.com/sigtermcheck/sigtermcheck#how-it-works",
		FactTypes:  []analysis.Fact{new(matters)},
		ResultType: reflect.TypeFor[*Result](),
		Run: func(pass *analysis.Pass) (any, error) {
			r := &Result{Matters: canMatter(pass, isRoot)}
			if r.Matters && pass.Pkg.Name() != "main" {
				pass.ExportPackageFact(new(matters))
			}
			return r, nil
		},
	}
}

func canMatter(pass *analysis.Pass, isRoot func(string) bool) bool {
	if isRoot(pass.Pkg.Path()) {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if isRoot(imp.Path()) || pass.ImportPackageFact(imp, new(matters)) {
			return true
		}
	}
	return false
}
