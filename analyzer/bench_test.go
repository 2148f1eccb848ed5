package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// The benchmarks run on real code: the standard library packages that
// net/http/pprof and os/signal import, loaded once (~100 packages, every
// one of which sigtermcheck analyzes for facts). BenchmarkRequired runs
// only the passes sigtermcheck requires (inspect, ctrlflow); the
// difference is sigtermcheck's own cost. bench/ratio.sh prints the ratio.

func loadBench(b *testing.B) []*packages.Package {
	b.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: false}
	pkgs, err := packages.Load(cfg, "net/http/pprof", "os/signal", "../examples/...")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages had errors")
	}
	return pkgs
}

func benchAnalyze(b *testing.B, a *analysis.Analyzer) {
	pkgs := loadBench(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSigtermcheck(b *testing.B) { benchAnalyze(b, analyzer.New()) }

func BenchmarkRequired(b *testing.B) { benchAnalyze(b, ctrlflow.Analyzer) }
