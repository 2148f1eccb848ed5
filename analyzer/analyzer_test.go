package analyzer_test

import (
	"fmt"
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

// withFlags sets flags of a, given as name and value pairs, and returns
// it: each flag setting is a fresh analyzer's, never global state.
func withFlags(t *testing.T, a *analysis.Analyzer, nameValues ...string) *analysis.Analyzer {
	t.Helper()
	for i := 0; i+1 < len(nameValues); i += 2 {
		if err := a.Flags.Set(nameValues[i], nameValues[i+1]); err != nil {
			t.Fatal(err)
		}
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

func TestExitInHandler(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, only(t, "exit-in-handler"), "exitinhandler/...")
	analysistest.Run(t, testdata, analyzer.New(), "exitinhandlerok/...")
}

func TestShutdownWithoutDelay(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, only(t, "shutdown-without-delay"), "shutdownwithoutdelay/...")
	analysistest.Run(t, testdata, only(t, "shutdown-without-delay"), "shutdownwithoutdelayok/...")
}

func TestMinDelayFlag(t *testing.T) {
	t.Parallel()
	a := withFlags(t, only(t, "shutdown-without-delay"), "min-delay", "1s")
	analysistest.Run(t, testdata, a, "mindelay/...")
}

func TestCloseInsteadOfShutdown(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, only(t, "close-instead-of-shutdown"), "closeinsteadofshutdown/...")
}

func TestShutdownContextDone(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, only(t, "shutdown-context-done"), "shutdowncontextdone/...")
}

func TestExitBeforeDrain(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, only(t, "exit-before-drain"), "exitbeforedrain/...")
	analysistest.Run(t, testdata, only(t, "exit-before-drain"), "exitbeforedrainok/...")
}

func TestRequestContextCancelled(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, only(t, "request-context-cancelled"), "requestcontext/...")
}

// TestKnownMisses keeps the false negatives we accept visible: each
// program in knownmisses has a bug that no check reports (see its
// comments). A change that starts reporting one must update it.
func TestKnownMisses(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, analyzer.New(), "knownmisses/...")
}

// TestFrameworks runs all checks together on the programs built on the
// frameworks of SPEC section 8 (stubs with the real signatures in
// testdata/src), each of which the test of its check also runs alone.
func TestFrameworks(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, testdata, analyzer.New(),
		"missingsigterm/frameworks/...", "exitinhandler/frameworks/...", "exitbeforedrain/frameworks/...",
		"shutdownwithoutdelay/frameworks/...", "closeinsteadofshutdown/frameworks/...", "shutdowncontextdone/frameworks/...")
	analysistest.Run(t, testdata, analyzer.New(), "frameworksok/...")
}

// TestRelated checks the Related locations that analysistest's // want
// comments cannot: where they point (SPEC 3).
func TestRelated(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pkg     string
		line    int    // of the diagnostic
		related string // "line:col message" of its first Related
	}{
		{"exitbeforedrain/mainreturns", 23, "21:3 the drain begins here"},
		{"exitbeforedrain/frameworks/fiberfatal", 26, "26:12 the server start returns here"},
		{"closeinsteadofshutdown/frameworks/grpc", 26, "24:2 the signal arrives here"},
	} {
		results := analysistest.Run(t, testdata, only(t, analyzer.CheckNames()...), tc.pkg)
		var got []string
		for _, r := range results {
			for _, d := range r.Diagnostics {
				if r.Pass.Fset.Position(d.Pos).Line != tc.line {
					continue
				}
				if len(d.Related) == 0 {
					t.Errorf("%s:%d: %q has no Related", tc.pkg, tc.line, d.Message)
					continue
				}
				p := r.Pass.Fset.Position(d.Related[0].Pos)
				got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Column, d.Related[0].Message))
			}
		}
		if !slices.Contains(got, tc.related) {
			t.Errorf("%s:%d: Related = %q, want %q", tc.pkg, tc.line, got, tc.related)
		}
	}
}

// TestDeepChain runs every check on programs whose handler path goes
// down a chain of 40 functions, each calling the next twice (the delays
// stage's tests have a library of the same shape): summaries are bounded,
// so this takes linear time and memory where copying callees' events
// would hold 2^40 of them. BenchmarkChain shows the growth.
func TestDeepChain(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, analyzer.New(), "deepchain/...")
}

func TestGracePeriodExceeded(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, only(t, "grace-period-exceeded"), "graceperiod/...", "graceperiodok/...")
}

// TestPrestopDelay runs with -prestop-delay=15s (and -delay=10s, to fit
// the grace period): the preStop hook's sleep is a delay before every
// drain, and part of the grace period's budget.
func TestPrestopDelay(t *testing.T) {
	t.Parallel()
	a := withFlags(t, only(t, "shutdown-without-delay", "grace-period-exceeded"), "prestop-delay", "15s", "delay", "10s")
	analysistest.Run(t, testdata, a, "prestop/...")
}

// TestPrestopShortDelay runs with -prestop-delay=2s, under -min-delay
// (5s): a drain with too short a delay after the signal, or none, is
// reported with the figures, the hook's share among them.
func TestPrestopShortDelay(t *testing.T) {
	t.Parallel()
	a := withFlags(t, only(t, "shutdown-without-delay"), "prestop-delay", "2s")
	analysistest.Run(t, testdata, a, "prestopshort/...")
}

// TestGeneratedStarts: a server started in generated code is reported at
// the call in hand-written code through which it is reached, with Related
// pointing at the start; one that only generated code reaches is not
// (SPEC 3; a cgo main.go, which is not generated, is cmd/sigtermcheck's
// TestCgo).
func TestGeneratedStarts(t *testing.T) {
	t.Parallel()
	results := analysistest.RunWithSuggestedFixes(t, testdata, only(t, "missing-sigterm"), "generated/...")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.Related) == 0 {
				t.Errorf("%v: %q has no Related", r.Pass.Fset.Position(d.Pos), d.Message)
				continue
			}
			if at := r.Pass.Fset.Position(d.Related[0].Pos); filepath.Base(at.Filename) != "zz_generated.go" || d.Related[0].Message != "the server is started here" {
				t.Errorf("%v: Related = %v %q, want the start in zz_generated.go", r.Pass.Fset.Position(d.Pos), at, d.Related[0].Message)
			}
		}
	}
}

// TestLibraryHandlers runs every check on programs whose handler paths
// live in a library package (deps/libhandlers): in goroutines it starts,
// or after waits on the context or channel the program gives it.
func TestLibraryHandlers(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, analyzer.New(), "libraryhandlers/...")
}

// TestCobraContext runs every check on cobra commands whose RunE waits on
// cmd.Context(): a handler path when main runs the tree with
// ExecuteContext on a signal context.
func TestCobraContext(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, analyzer.New(), "cobractx/...")
}
