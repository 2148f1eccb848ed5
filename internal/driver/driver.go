// Package driver is the command-line driver of sigtermcheck: what
// cmd/sigtermcheck runs.
//
// It dispatches on how it was started:
//
//   - by go vet or go fix (a *.cfg argument, or the -flags and -V=full
//     queries): singlechecker.Main, which speaks their protocol, with a
//     bad flag value, or settings that do not fit together
//     (settings.go), printed once per go command rather than once per
//     package (vet.go);
//   - help, -explain and -V: the documentation and version (info.go);
//   - -fix and -diff: singlechecker in a child process, after which the
//     reports that have no fix are listed (fix.go);
//   - otherwise, standalone: it loads the packages, analyzes them and
//     prints the reports sorted by position, with one line per load error
//     and none of the analysis framework's follow-on errors (this file).
//
// -tags, a flag of the go command that singlechecker accepts and ignores,
// is honoured by passing it to the go command through GOFLAGS.
package driver

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Exit statuses, as the analysis drivers use them.
const (
	exitOK       = 0
	exitError    = 1 // packages did not load or the analysis failed
	exitUsage    = 2 // bad command line
	exitFindings = 3 // reports (text output only)
)

// Main runs sigtermcheck with analyzer a and exits.
func Main(a *analysis.Analyzer) {
	if isBuildToolRun(os.Args[1:]) {
		vetMain(a)
		return // not reached: vetMain exits
	}
	if path := os.Getenv(unfixedEnv); path != "" {
		fixChildMain(a, path)
		return // not reached
	}
	os.Exit(run(a, os.Args[1:], os.Stdout, os.Stderr))
}

// isBuildToolRun reports whether the go command started the tool: with a
// vet configuration file (go vet -vettool, go fix -fixtool) or to ask
// for its flags or its version.
func isBuildToolRun(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, arg := range args {
		switch strings.TrimPrefix(arg, "-") {
		case "-flags", "flags", "-V=full", "V=full":
			return true
		}
	}
	return false
}

// options are the standalone driver's own flags.
type options struct {
	json    bool
	fix     bool
	diff    bool
	test    bool
	context int
	tags    string
	explain string
	version bool
}

// newFlagSet returns the standalone flags: a's own and the driver's.
func newFlagSet(a *analysis.Analyzer, o *options) *flag.FlagSet {
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // run prints errors itself, once
	fs.Usage = func() {}
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.BoolVar(&o.json, "json", false, "print the reports as JSON on standard output (exit status 0)")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes, then list the reports that have none")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, print the fixes as a diff instead of applying them")
	fs.BoolVar(&o.test, "test", true, "also load the packages' tests (sigtermcheck never reports in _test.go files)")
	fs.IntVar(&o.context, "c", -1, "print this many lines of source around each report")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags, as for go build (other build flags: set GOFLAGS)")
	fs.StringVar(&o.explain, "explain", "", "print the documentation of the named check and exit")
	fs.BoolVar(&o.version, "V", false, "print the version and exit")
	return fs
}

// run is the standalone driver. It returns the exit status.
func run(a *analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "help" {
		return help(a, args[1:], stdout, stderr)
	}
	var o options
	fs := newFlagSet(a, &o)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(a, fs, stdout)
			return exitOK
		}
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		fmt.Fprintf(stderr, "run '%s help' for usage\n", a.Name)
		return exitUsage
	}
	switch {
	case o.version:
		fmt.Fprintln(stdout, versionLine(a.Name))
		return exitOK
	case o.explain != "":
		return explain(a.Name, o.explain, stdout, stderr)
	case fs.NArg() == 0:
		fmt.Fprintf(stderr, "usage: %s [flags] packages (for example ./...)\nrun '%s help' for more\n", a.Name, a.Name)
		return exitUsage
	case o.diff && !o.fix:
		fmt.Fprintf(stderr, "%s: -diff prints what -fix would change: use -fix -diff\n", a.Name)
		return exitUsage
	case o.json && o.fix:
		fmt.Fprintf(stderr, "%s: -json and -fix do not go together: -json reports, -fix edits\n", a.Name)
		return exitUsage
	}
	if err := settings(a).Validate(); err != nil {
		// Once, rather than as the analysis error of every package.
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitUsage
	}
	if o.tags != "" {
		os.Setenv("GOFLAGS", withTags(os.Getenv("GOFLAGS"), o.tags))
	}
	if o.fix {
		return fixInChild(a, fs, stdout, stderr)
	}
	return analyze(a, o, fs.Args(), stdout, stderr)
}

// withTags returns goflags (the value of GOFLAGS) with -tags=tags added.
// The go command lets the last -tags win, so it overrides a -tags that
// GOFLAGS already has, as a -tags on the go command line would.
// Old-style space-separated tag lists become comma-separated, since
// GOFLAGS separates flags by spaces.
func withTags(goflags, tags string) string {
	flag := "-tags=" + strings.Join(strings.Fields(strings.ReplaceAll(tags, ",", " ")), ",")
	if goflags = strings.TrimSpace(goflags); goflags == "" {
		return flag
	}
	return goflags + " " + flag
}

// analyze loads the packages matching patterns, analyzes them with a
// and prints the reports, or their JSON, and the errors. It returns the
// exit status.
func analyze(a *analysis.Analyzer, o options, patterns []string, stdout, stderr io.Writer) int {
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: o.test,
	}
	initial, err := packages.Load(cfg, patterns...)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitError
	}
	if len(initial) == 0 {
		fmt.Fprintf(stderr, "%s: %s matched no packages\n", a.Name, strings.Join(patterns, " "))
		return exitError
	}
	status := exitOK
	loadErrors := printLoadErrors(initial, stderr)
	if loadErrors > 0 {
		status = exitError
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, initial, nil)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitError
	}
	if printAnalysisErrors(a.Name, graph, loadErrors > 0, stderr) > 0 {
		status = exitError
	}
	if o.json {
		if err := graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return exitError
		}
		return status
	}
	reports := rootReports(graph)
	printReports(stderr, reports, o.context)
	if len(reports) > 0 {
		status = max(status, exitFindings)
	}
	return status
}

// printLoadErrors prints each error of the packages and their
// dependencies once and returns how many it printed.
func printLoadErrors(pkgs []*packages.Package, w io.Writer) int {
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			if msg := err.Error(); !seen[msg] {
				seen[msg] = true
				fmt.Fprintln(w, shortenPositions(msg))
			}
		}
	})
	return len(seen)
}

// printAnalysisErrors prints the errors of the analysis actions that are
// news: a package whose loading failed makes its analysis and every
// dependent one fail too ("analysis skipped due to errors in package",
// "failed prerequisites: ..."), which says nothing that the load error
// has not said. It returns how many errors it printed.
func printAnalysisErrors(name string, graph *checker.Graph, loadFailed bool, w io.Writer) int {
	seen := make(map[string]bool)
	for act := range graph.All() {
		if act.Err == nil || (loadFailed && isFollowOnError(act.Err)) {
			continue
		}
		msg := fmt.Sprintf("%s: analyzing %s: %v", name, act.Package.PkgPath, act.Err)
		if !seen[msg] {
			seen[msg] = true
			fmt.Fprintln(w, msg)
		}
	}
	return len(seen)
}

// isFollowOnError reports whether err is the analysis framework saying
// that an action did not run because of an earlier failure.
func isFollowOnError(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "analysis skipped due to errors in package") ||
		strings.HasPrefix(msg, "failed prerequisites:")
}

// A report is a diagnostic with its positions resolved.
type report struct {
	pos, end position
	message  string
	related  []relatedReport
}

type relatedReport struct {
	pos, end position
	message  string
}

// A position is a resolved source position: file, line and column.
type position struct {
	file         string
	line, column int
}

// String returns "file:line:col", the file name as shortPath gives it.
func (p position) String() string {
	return fmt.Sprintf("%s:%d:%d", shortPath(p.file), p.line, p.column)
}

// rootReports returns the diagnostics of the packages named on the
// command line, each once (a file of package p is also in p's test
// variant), sorted by position.
func rootReports(graph *checker.Graph) []report {
	seen := make(map[string]bool)
	var reports []report
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		resolve := func(pos, end token.Pos) (position, position) {
			p, e := fset.Position(pos), fset.Position(end)
			return position{p.Filename, p.Line, p.Column}, position{e.Filename, e.Line, e.Column}
		}
		for _, d := range act.Diagnostics {
			var r report
			r.pos, r.end = resolve(d.Pos, d.End)
			r.message = d.Message
			for _, rel := range d.Related {
				var rr relatedReport
				rr.pos, rr.end = resolve(rel.Pos, rel.End)
				rr.message = rel.Message
				r.related = append(r.related, rr)
			}
			key := fmt.Sprint(r.pos, r.message)
			if !seen[key] {
				seen[key] = true
				reports = append(reports, r)
			}
		}
	}
	slices.SortFunc(reports, compareReports)
	return reports
}

// compareReports orders reports by file, line, column, then message.
func compareReports(a, b report) int {
	return cmp.Or(
		cmp.Compare(a.pos.file, b.pos.file),
		cmp.Compare(a.pos.line, b.pos.line),
		cmp.Compare(a.pos.column, b.pos.column),
		cmp.Compare(a.message, b.message),
	)
}

// printReports prints each report as "file:line:col: message", its
// related locations indented below it, with context lines of source
// around each position if context is not negative.
func printReports(w io.Writer, reports []report, context int) {
	for _, r := range reports {
		printLine(w, r.pos, r.end, r.message, context)
		for _, rel := range r.related {
			printLine(w, rel.pos, rel.end, "\t"+rel.message, context)
		}
	}
}

func printLine(w io.Writer, pos, end position, message string, context int) {
	fmt.Fprintf(w, "%s: %s\n", pos, message)
	if context < 0 {
		return
	}
	data, err := os.ReadFile(pos.file)
	if err != nil {
		return
	}
	if end.file != pos.file || end.line < pos.line {
		end = pos
	}
	lines := strings.Split(string(data), "\n")
	for i := max(pos.line-context, 1); i <= min(end.line+context, len(lines)); i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

// shortPath returns path relative to the current directory if that is
// shorter, as the go command prints paths.
func shortPath(path string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(path) {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && len(rel) < len(path) {
		return rel
	}
	return path
}

// shortenPositions shortens a "file:line:col: message" error's file name
// as shortPath does.
func shortenPositions(msg string) string {
	file, rest, ok := strings.Cut(msg, ":")
	if !ok || !filepath.IsAbs(file) {
		return msg
	}
	return shortPath(file) + ":" + rest
}
