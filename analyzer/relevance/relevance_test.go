package relevance_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermcheck/sigtermcheck/analyzer/relevance"
)

// TestMatters asserts the matters facts along an import chain from a
// root, none on a package outside it, and none on a program; and the
// Result each package gets.
func TestMatters(t *testing.T) {
	a := relevance.New(func(path string) bool { return path == "root" })
	results := analysistest.Run(t, analysistest.TestData(), a, "root", "user", "userofuser", "other", "main")
	want := map[string]bool{"root": true, "user": true, "userofuser": true, "other": false, "main": true}
	seen := make(map[string]bool)
	for _, r := range results {
		path := r.Pass.Pkg.Path()
		got := r.Result.(*relevance.Result).Matters
		if w, ok := want[path]; ok {
			seen[path] = true
			if got != w {
				t.Errorf("%s: Matters = %v, want %v", path, got, w)
			}
		}
	}
	if len(seen) != len(want) {
		t.Errorf("analyzed %v, want results for all of %v", seen, want)
	}
}
