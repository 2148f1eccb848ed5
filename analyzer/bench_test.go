package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// The benchmarks run on real code: the standard library packages that
// net/http/pprof and os/signal import, loaded once (~100 packages, every
// one of which sigtermcheck analyzes for facts). BenchmarkRequired runs
// only inspect, the pass sigtermcheck shares with every other analyzer
// (bench/noop requires it too); the difference is sigtermcheck's own
// cost, its exits stage included. bench/ratio.sh prints the ratio.

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

func BenchmarkRequired(b *testing.B) { benchAnalyze(b, inspect.Analyzer) }

// BenchmarkChain runs sigtermcheck on generated packages of chains of
// functions, each calling the next twice, at growing depths, and on
// packages of growing size (more chains of depth 10). The packages import
// nothing, so only their own analysis is measured. Cost per function must
// stay flat: B/op and ns/op double when the depth or the size doubles,
// where copying callees' events grew as 2^depth:
//
//	go test -run '^$' -bench Chain -benchmem ./analyzer
func BenchmarkChain(b *testing.B) {
	for _, depth := range []int{10, 20, 40, 80} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			benchAnalyzeSource(b, chainPackage(1, depth))
		})
	}
	for _, chains := range []int{10, 20, 40, 80} {
		b.Run(fmt.Sprintf("funcs=%d", chains*10), func(b *testing.B) {
			benchAnalyzeSource(b, chainPackage(chains, 10))
		})
	}
}

// chainPackage returns a package whose Run calls the heads of n chains of
// the given depth; each chain ends in a send and a receive.
func chainPackage(n, depth int) string {
	var s strings.Builder
	s.WriteString("package chain\n\nvar ch = make(chan int, 1)\n\nfunc Run() {\n")
	for c := range n {
		fmt.Fprintf(&s, "\tc%d_0()\n", c)
	}
	s.WriteString("}\n")
	for c := range n {
		for i := range depth - 1 {
			fmt.Fprintf(&s, "\nfunc c%d_%d() {\n\tc%d_%d()\n\tc%d_%d()\n}\n", c, i, c, i+1, c, i+1)
		}
		fmt.Fprintf(&s, "\nfunc c%d_%d() {\n\tch <- 1\n\t<-ch\n}\n", c, depth-1)
	}
	return s.String()
}

// benchAnalyzeSource writes src as the only package of a module of its
// own, loads it and runs sigtermcheck on it b.N times.
func benchAnalyzeSource(b *testing.B, src string) {
	dir := b.TempDir()
	for name, content := range map[string]string{"go.mod": "module chain\n\ngo 1.26\n", "chain.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("packages had errors")
	}
	a := analyzer.New()
	b.ResetTimer()
	for b.Loop() {
		if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}
