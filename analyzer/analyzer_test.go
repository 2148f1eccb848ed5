package analyzer_test

import (
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

var testdata, _ = filepath.Abs(filepath.Join("..", "testdata"))

// only returns an analyzer with every check but the named ones disabled,
// so that each testdata tree asserts the reports of its own checks.
func only(t *testing.T, checks ...string) *analysis.Analyzer {
	t.Helper()
	cfg := analyzer.DefaultConfig()
	for _, name := range analyzer.CheckNames() {
		if !slices.Contains(checks, name) {
			cfg.Disable = append(cfg.Disable, name)
		}
	}
	a, err := analyzer.NewWithConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, analyzer.New(), "deps/...", "library")
}

func TestMissingSIGTERM(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, only(t, "missing-sigterm"), "missingsigterm/...")
}

func TestMissingSIGTERMHandled(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, only(t, "missing-sigterm"), "handled/...")
}
