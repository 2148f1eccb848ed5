package driver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// unfixedEnv names the file in which a child run of sigtermcheck -fix
// records the reports that have no suggested fix.
const unfixedEnv = "SIGTERMCHECK_UNFIXED_REPORTS"

// fixInChild applies (or, with -diff, shows) the suggested fixes by
// running this executable as singlechecker, whose fixing merges the
// fixes of all packages, then lists the reports that have no fix, which
// a plain -fix would leave unsaid. It returns the exit status: the
// child's if it failed, exitFindings if some reports were not fixed.
func fixInChild(a *analysis.Analyzer, fs *flag.FlagSet, stdout, stderr io.Writer) int {
	f, err := os.CreateTemp("", "sigtermcheck-unfixed-*.jsonl")
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitError
	}
	f.Close()
	defer os.Remove(f.Name())
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitError
	}

	cmd := exec.Command(exe, childArgs(fs)...)
	var childErr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, &childErr
	cmd.Env = append(os.Environ(), unfixedEnv+"="+f.Name())
	status := exitOK
	err = cmd.Run()
	// Print the child's errors as analyze prints them: positions
	// relative to the current directory, no blank lines.
	for line := range strings.Lines(childErr.String()) {
		if line = strings.TrimRight(line, "\n"); line != "" {
			fmt.Fprintln(stderr, shortenPositions(line))
		}
	}
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
			return exitError
		}
		status = exit.ExitCode()
	}

	reports, err := readUnfixed(f.Name())
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", a.Name, err)
		return exitError
	}
	if len(reports) > 0 {
		fmt.Fprintf(stderr, "%s: not fixed, %s without a suggested fix (see '%s -explain <check>'):\n",
			a.Name, plural(len(reports), "report"), a.Name)
		printReports(stderr, reports, -1)
		status = max(status, exitFindings)
	}
	return status
}

// childArgs returns the command line of the child run: the flags given,
// less those that this driver handles itself, and the packages.
func childArgs(fs *flag.FlagSet) []string {
	var args []string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "tags", "explain", "V": // handled here (-tags through GOFLAGS)
		default:
			args = append(args, "-"+f.Name+"="+f.Value.String())
		}
	})
	return append(args, fs.Args()...)
}

// jsonReport is a report as the child run records it.
type jsonReport struct {
	File    string        `json:"file"`
	Line    int           `json:"line"`
	Column  int           `json:"column"`
	Message string        `json:"message"`
	Related []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// readUnfixed reads the reports that the child run recorded, each once,
// sorted by position.
func readUnfixed(path string) ([]report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var reports []report
	type key struct {
		file         string
		line, column int
		message      string
	}
	seen := make(map[key]bool)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r jsonReport
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("reading the reports without a fix: %v", err)
		}
		k := key{r.File, r.Line, r.Column, r.Message}
		if seen[k] {
			continue // also reported in the package's test variant
		}
		seen[k] = true
		rep := report{pos: position{r.File, r.Line, r.Column}, message: r.Message}
		for _, rel := range r.Related {
			rep.related = append(rep.related, relatedReport{pos: position{rel.File, rel.Line, rel.Column}, message: rel.Message})
		}
		reports = append(reports, rep)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(reports, compareReports)
	return reports, nil
}

// fixChildMain is the child run of fixInChild: singlechecker with a's
// reports that have no suggested fix recorded in the file at path.
func fixChildMain(a *analysis.Analyzer, path string) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
		os.Exit(exitError)
	}
	var mu sync.Mutex // packages are analyzed in parallel
	record := func(fset *token.FileSet, d analysis.Diagnostic) {
		at := fset.Position(d.Pos)
		r := jsonReport{File: at.Filename, Line: at.Line, Column: at.Column, Message: d.Message}
		for _, rel := range d.Related {
			p := fset.Position(rel.Pos)
			r.Related = append(r.Related, jsonRelated{p.Filename, p.Line, p.Column, rel.Message})
		}
		line, _ := json.Marshal(r)
		mu.Lock()
		defer mu.Unlock()
		f.Write(append(line, '\n'))
	}
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		recording := *pass
		recording.Report = func(d analysis.Diagnostic) {
			if len(d.SuggestedFixes) == 0 {
				record(pass.Fset, d)
			}
			pass.Report(d)
		}
		return run(&recording)
	}
	singlechecker.Main(a)
}

// plural returns "1 report" or "n reports".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
