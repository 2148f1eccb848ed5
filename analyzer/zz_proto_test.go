package analyzer_test

import (
	"os"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

func TestZZProto(t *testing.T) {
	t0 := time.Now()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: testdata + "/src", Env: append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOWORK=off", "GOFLAGS=")}
	pkgs, err := packages.Load(cfg, "closeinsteadofshutdown/...", "shutdownwithoutdelay/...", "missingsigterm/...", "exitbeforedrain/...", "shutdowncontextdone/...", "exitinhandler/...")
	if err != nil {
		t.Fatal(err)
	}
	t.Log("load", time.Since(t0), len(pkgs))
	t0 = time.Now()
	_, err = checker.Analyze([]*analysis.Analyzer{analyzer.New()}, pkgs, nil)
	t.Log("analyze1", time.Since(t0), err)
	t0 = time.Now()
	var as []*analysis.Analyzer
	for _, c := range analyzer.CheckNames() {
		as = append(as, only(t, c))
	}
	_, err = checker.Analyze(as, pkgs, nil)
	t.Log("analyze7", time.Since(t0), err)
}
