package driver

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// help prints the usage, or with a check's name its documentation: the
// "sigtermcheck help" that go vet's error messages suggest.
func help(a *analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		var o options
		printUsage(a, newFlagSet(a, &o), stdout)
		return exitOK
	case 1:
		return explain(a.Name, args[0], stdout, stderr)
	}
	fmt.Fprintf(stderr, "usage: %s help [check]\n", a.Name)
	return exitUsage
}

// explain prints the documentation of the named check: the same text as
// its README section.
func explain(name, check string, stdout, stderr io.Writer) int {
	doc := analyzer.CheckSection(check)
	if doc == "" {
		fmt.Fprintf(stderr, "%s: unknown check %q (known checks: %s)\n", name, check, strings.Join(analyzer.CheckNames(), ", "))
		return exitUsage
	}
	fmt.Fprint(stdout, doc)
	return exitOK
}

// printUsage prints what sigtermcheck does, its command lines and flags.
func printUsage(a *analysis.Analyzer, fs *flag.FlagSet, w io.Writer) {
	title, rest, _ := strings.Cut(a.Doc, "\n\n")
	fmt.Fprintf(w, "%s: %s\n\n", a.Name, title)
	fmt.Fprintf(w, `Usage:
  %[1]s [flags] packages          report; exit status 3 when there are reports
  %[1]s -fix [-diff] packages     apply (or show) the suggested fixes, list the rest
  %[1]s -explain check            print a check's documentation (or: %[1]s help check)
  go vet -vettool=$(which %[1]s) [flags] packages

`, a.Name)
	fmt.Fprintf(w, "%s\n\nFlags:\n", rest)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintln(w, "\nOther build flags of the go command are read from GOFLAGS, for example\nGOFLAGS=-mod=vendor.")
}

// moduleVersion returns the version of the sigtermcheck module compiled
// into this executable: a tag for go install ...@version, "(devel)" for a
// build from a checkout.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// versionLine is what -V prints.
func versionLine(name string) string {
	return fmt.Sprintf("%s version %s %s", name, moduleVersion(), runtime.Version())
}

// fullVersionLine is what -V=full prints, for the go command: it keys
// go vet's and go fix's caches on this line. The word "devel" tells it to
// use the buildID, a hash of this executable, so that a rebuilt
// sigtermcheck never reuses results cached for another build, whatever
// its version says.
func fullVersionLine(name string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s version devel %s %s buildID=%x", name, moduleVersion(), runtime.Version(), h.Sum(nil)), nil
}
