package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer/relevance"
)

// The stages that run before this analyzer's own, each an analyzer of
// its own with facts and a Result (see analyzer.go's package comment):
// exits (analyzer/exits), delays (analyzer/delays) and relevance
// (analyzer/relevance), which decides from the imports' package facts
// whether a package can matter at all.

// declaresSignalList reports whether the package being analyzed declares
// a package-level variable of a signal type, a list that programs may
// spread into signal.Notify: its signalList facts need the model, though
// its importers need not matter for it. (os.Interrupt and os.Kill are
// known by name.)
func declaresSignalList(pass *analysis.Pass) bool {
	if pass.Pkg.Path() == "os" {
		return false
	}
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && isSignalListType(v.Type()) {
			return true
		}
	}
	return false
}

// isRoot reports whether the package at path is one that everything
// sigtermcheck looks for comes from: the relevance stage's roots.
func isRoot(path string) bool {
	return path == "net/http" || path == "os/signal" || apiOfPackage(path) != nil
}

// relevanceStage is the relevance analyzer of every sigtermcheck
// analyzer: one, so that importers see a package's facts.
var relevanceStage = relevance.New(isRoot)
