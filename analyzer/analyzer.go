// Package analyzer implements sigtermcheck, a go/analysis pass that reports
// HTTP servers which drop requests when Kubernetes stops their pod.
//
// The pass runs in stages, one direction (README, "How it works";
// TestStagesOneDirection checks that no file uses what a file of a later
// stage declares). Three are analyzers of their own that it requires
// (stages.go): analyzer/exits and analyzer/delays find the functions that
// end the process or always wait a while, and analyzer/relevance decides
// from the imports' package facts whether the package can matter at all.
// The others are files of this package, each stage's state a type of its
// own that the next one embeds:
//
//   - known_*.go, syntax.go, facts.go, checks.go, config.go: what every
//     stage shares (the APIs sigtermcheck knows, syntax helpers, the
//     vocabulary of facts and events, the checks and the settings);
//   - callgraph*.go (graph): one walk of the package into a graph of its
//     functions, recording the flows of values;
//   - values*.go (values): signal and function values, resolved over
//     those flows;
//   - summaries*.go and facts_*.go (model): what each function does to
//     termination, composing callees' bounded summaries, and the facts
//     that carry it to other packages;
//   - program.go, paths.go (program): in package main, what runs and the
//     handler paths;
//   - fix*.go build the suggested edits, and check_*.go report over the
//     paths with them.
package analyzer

import (
	"flag"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/sigtermcheck/sigtermcheck/analyzer/delays"
	"github.com/sigtermcheck/sigtermcheck/analyzer/exits"
	"github.com/sigtermcheck/sigtermcheck/analyzer/relevance"
)

// New returns a fresh sigtermcheck analyzer with the default settings and
// its own flag set, so that callers (tests, drivers, plugins) never share
// flag state.
func New() *analysis.Analyzer {
	cfg := DefaultConfig()
	a := newAnalyzer(&cfg)
	cfg.registerFlags(&a.Flags)
	return a
}

// NewWithConfig returns an analyzer with the given settings, or an error
// naming the first invalid setting. It is the entry point for drivers that
// take settings from elsewhere than flags (the golangci-lint plugin).
func NewWithConfig(cfg Config) (*analysis.Analyzer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newAnalyzer(&cfg)
	cfg.registerFlags(&a.Flags)
	return a, nil
}

func newAnalyzer(cfg *Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "sigtermcheck",
		Doc:      analyzerDoc(),
		URL:      docURL[:len(docURL)-1],
		Flags:    *flag.NewFlagSet("sigtermcheck", flag.ContinueOnError),
		Requires: []*analysis.Analyzer{inspect.Analyzer, exits.Analyzer, delays.Analyzer, relevanceStage},
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, cfg)
		},
		FactTypes: factTypes,
	}
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err // (the flags are each valid, their combination is not)
	}
	relevant := pass.ResultOf[relevanceStage].(*relevance.Result).Matters
	if !relevant && !declaresSignalList(pass) {
		// Have: a package that cannot start, stop or signal anything.
		if pass.Pkg.Name() == "main" {
			newReporter(pass, cfg).reportBadDirectives()
		}
		return nil, nil
	}
	if quietPackages[pass.Pkg.Path()] {
		return nil, nil // known by name (known_std.go): nothing to build
	}
	m := newModel(pass)
	m.exportFacts()

	// Only programs are reported on; every other package only
	// contributes facts.
	if pass.Pkg.Name() != "main" {
		return nil, nil
	}
	r := newReporter(pass, cfg)
	p := m.program(cfg)
	if len(p.starts()) > 0 {
		// Have: a server. Check how it is stopped.
		reportMissingSIGTERM(p, r)
		reportExitInHandler(p, r)
		reportExitBeforeDrain(p, r)
		reportShutdownWithoutDelay(p, r)
		reportCloseInsteadOfShutdown(p, r)
		reportShutdownContextDone(p, r)
		reportDeadlineBeforeDelay(p, r)
		reportGracePeriodExceeded(p, r)
		reportRequestContextCancelled(p, r)
	}
	r.reportBadDirectives()
	return nil, nil
}
