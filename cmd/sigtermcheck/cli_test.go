package main_test

// These tests hold what a newcomer meets first: help and documentation,
// the version, build tags, cgo programs, errors, check names on every
// report, and -fix saying what it left.

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// reportLines returns the report lines of text output: the lines that
// start with a position, less related information.
func reportLines(out string) []string {
	var lines []string
	for _, m := range textFinding.FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[4], "\t") {
			lines = append(lines, m[0])
		}
	}
	return lines
}

// checkSuffix matches the check name that ends every report.
var checkSuffix = regexp.MustCompile(` \(([a-z]+(?:-[a-z]+)+)\)$`)

// TestCheckNames checks that every plain-text report of the standalone
// driver ends with the name of a check, the one that -json gives as its
// category. (TestGoVet checks the same of go vet's output.)
func TestCheckNames(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	_, stderr, _ := run(t, dir, binary, "./...")
	for _, line := range reportLines(stderr) {
		if m := checkSuffix.FindStringSubmatch(line); m == nil || !slices.Contains(analyzer.CheckNames(), m[1]) {
			t.Errorf("report does not end with a check name: %s", line)
		}
	}
	if got := byCheck(stderr); !slices.Equal(got, shopFindings) {
		t.Errorf("reports by check name:\n%s\nwant (as -json gives them):\n%s", strings.Join(got, "\n"), strings.Join(shopFindings, "\n"))
	}
}

// TestSorted checks that the standalone driver prints reports in the
// order of their positions, with paths relative to the current
// directory, as go vet prints them.
func TestSorted(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	_, stderr, _ := run(t, dir, binary, "./...")
	var got []string
	for _, line := range reportLines(stderr) {
		m := textFinding.FindStringSubmatch(line)
		got = append(got, m[1]+":"+m[2]+":"+m[3])
	}
	want := []string{"cmd/admin/main.go:11:2", "cmd/admin/main.go:13:2", "cmd/web/main.go:10:12", "cmd/worker/main.go:10:12"}
	if !slices.Equal(got, want) {
		t.Errorf("reports in order %v, want %v:\n%s", got, want, stderr)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{{"help"}, {"-help"}} {
		stdout, stderr, code := run(t, dir, binary, args...)
		if code != 0 || !strings.Contains(stdout, "Usage:") || !strings.Contains(stdout, "-explain") {
			t.Errorf("sigtermcheck %s: exit %d, stdout:\n%s\nstderr:\n%s", args[0], code, stdout, stderr)
		}
		for _, name := range analyzer.CheckNames() {
			if !strings.Contains(stdout, name) {
				t.Errorf("sigtermcheck %s does not list check %s", args[0], name)
			}
		}
	}
}

// TestExplain checks that -explain and help print a check's
// documentation, the text of its README section.
func TestExplain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range analyzer.CheckNames() {
		for _, args := range [][]string{{"-explain", name}, {"help", name}} {
			stdout, stderr, code := run(t, dir, binary, args...)
			if code != 0 || stdout != analyzer.CheckSection(name) {
				t.Errorf("sigtermcheck %s: exit %d, stdout:\n%s\nstderr:\n%s\nwant the %s section", strings.Join(args, " "), code, stdout, stderr, name)
			}
		}
	}
	stdout, stderr, code := run(t, dir, binary, "-explain", "missing-sigkill")
	if code != 2 || stdout != "" || !strings.Contains(stderr, `unknown check "missing-sigkill" (known checks: missing-sigterm,`) {
		t.Errorf("-explain of an unknown check: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
}

// TestVersion checks -V and the -V=full line by the rules the go command
// parses it with (cmd/go/internal/work.toolID): "devel" and a buildID,
// which keys go vet's cache on the executable's content.
func TestVersion(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stdout, _, code := run(t, dir, binary, "-V=full")
	f := strings.Fields(stdout)
	if code != 0 || len(f) < 4 || f[0] != "sigtermcheck" || f[1] != "version" || f[2] != "devel" ||
		!regexp.MustCompile(`^buildID=[0-9a-f]{64}$`).MatchString(f[len(f)-1]) {
		t.Errorf("sigtermcheck -V=full: exit %d, %q", code, stdout)
	}
	if strings.Contains(stdout, "comments-go-here") || !strings.Contains(stdout, "go1.") {
		t.Errorf("sigtermcheck -V=full: %q, want the module and Go versions, not a placeholder", stdout)
	}
	stdout, _, code = run(t, dir, binary, "-V")
	if code != 0 || !regexp.MustCompile(`^sigtermcheck version \S+ go1\.\S+\n$`).MatchString(stdout) {
		t.Errorf("sigtermcheck -V: exit %d, %q", code, stdout)
	}
}

// tagged has a program that starts a server only when built with -tags=prod.
var tagged = map[string]string{
	"go.mod": "module example.com/tagged\n\ngo 1.24\n",
	"prod.go": `//go:build prod

package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", nil))
}
`,
	"dev.go": "//go:build !prod\n\npackage main\n\nfunc main() {}\n",
}

// TestTags checks that -tags reaches the go command, alone and over a
// GOFLAGS that has other tags.
func TestTags(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, tagged)
	if _, stderr, code := run(t, dir, binary, "./..."); code != 0 {
		t.Errorf("without -tags: exit %d, want 0 (dev.go only)\n%s", code, stderr)
	}
	for _, args := range [][]string{{"-tags=prod"}, {"-tags", "prod,other"}, {"-json", "-tags=prod"}} {
		stdout, stderr, code := run(t, dir, binary, append(args, "./...")...)
		out := stdout + stderr
		if !strings.Contains(out, "prod.go:11:12") || !strings.Contains(out, "missing-sigterm") {
			t.Errorf("sigtermcheck %s: exit %d, no report in prod.go:\n%s", strings.Join(args, " "), code, out)
		}
	}
	cmd := exec.Command(binary, "-tags=prod", "./...")
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GOWORK=off", "GOPROXY=off", "GOFLAGS=-tags=dev")
	if out, _ := cmd.CombinedOutput(); !strings.Contains(string(out), "prod.go:11:12") {
		t.Errorf("GOFLAGS=-tags=dev sigtermcheck -tags=prod: the command line's tags should win:\n%s", out)
	}
}

// TestCgo checks that a program that imports "C" is reported like any
// other: the files the analyzer sees are cgo's output, marked generated,
// but the source they come from is not. Its report carries no fix, whose
// offsets would be those of cgo's output.
func TestCgo(t *testing.T) {
	t.Parallel()
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is not enabled (no C compiler?)")
	}
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/cgo\n\ngo 1.24\n",
		"main.go": `package main

// #include <stdlib.h>
import "C"

import (
	"log"
	"net/http"
)

func main() {
	C.free(nil)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
`,
		"gen.go": "// Code generated by hand for this test. DO NOT EDIT.\n\npackage main\n\nimport \"net/http\"\n\nfunc generated() { http.ListenAndServe(\":9090\", nil) }\n",
	})
	want := []string{"main.go:13:12: missing-sigterm"}
	_, standalone, code := run(t, dir, binary, "./...")
	if code != 3 {
		t.Errorf("sigtermcheck: exit %d, want 3\n%s", code, standalone)
	}
	_, vet, code := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if code != 1 {
		t.Errorf("go vet: exit %d, want 1\n%s", code, vet)
	}
	for name, out := range map[string]string{"sigtermcheck": standalone, "go vet": vet} {
		var got []string
		for _, line := range reportLines(out) {
			m := textFinding.FindStringSubmatch(line)
			c := checkSuffix.FindStringSubmatch(line)
			if c == nil {
				t.Errorf("%s: no check name: %s", name, line)
				continue
			}
			got = append(got, filepath.Base(m[1])+":"+m[2]+":"+m[3]+": "+c[1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s on a cgo program: %v, want %v\n%s", name, got, want, out)
		}
	}
	stdout, _, _ := run(t, dir, binary, "-json", "./...")
	if !strings.Contains(stdout, `"category": "missing-sigterm"`) || strings.Contains(stdout, "suggested_fixes") {
		t.Errorf("-json on a cgo program: want the report without a fix:\n%s", stdout)
	}
}

// TestBadFlagOnce checks that go vet, which runs the tool for every
// package and dependency, prints a bad flag value once.
func TestBadFlagOnce(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	const want = `sigtermcheck: invalid value "abc" for flag -min-delay: not a duration`
	_, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "-min-delay=abc", "./...")
	if code == 0 || strings.Count(stderr, want) != 1 {
		t.Errorf("go vet -min-delay=abc: exit %d, want a failure and the error once:\n%s", code, stderr)
	}
	if n := strings.Count(stderr, "\n"); n > 4 {
		t.Errorf("go vet -min-delay=abc: %d lines of output, want at most 4:\n%s", n, stderr)
	}
}

// TestSettingsErrorOnce checks that settings which do not fit together
// (SPEC §4) are one error line naming the flags, with a failing exit,
// from go vet, which runs the tool for every package of the module and
// every dependency, as from the standalone binary. A second go vet fails
// the same way: go vet remembered none of the failing runs as a success.
func TestSettingsErrorOnce(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	for _, tc := range []struct {
		flag, want string
	}{
		{"-delay=1s", "-delay (1s) is shorter than -min-delay (5s)"},
		{"-grace-period=19s", "-prestop-delay (0s) + -delay (15s) + -min-drain (5s) exceed -grace-period (19s)"},
	} {
		for i := range 2 {
			_, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, tc.flag, "./...")
			if code == 0 || errorLines(stderr) != 1 || strings.Count(stderr, tc.want) != 1 {
				t.Errorf("go vet %s (run %d): exit %d, output:\n%s\nwant a failure and one line with %q", tc.flag, i+1, code, stderr, tc.want)
			}
		}
		_, stderr, code := run(t, dir, binary, tc.flag, "./...")
		if code != 2 || !strings.HasPrefix(stderr, "sigtermcheck: "+tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("sigtermcheck %s: exit %d, output:\n%s\nwant exit 2 and one line with %q", tc.flag, code, stderr, tc.want)
		}
	}
}

// errorLines returns the number of lines of go vet's output, less the
// "# package" line that heads a failing run's output.
func errorLines(out string) int {
	n := 0
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, "# ") {
			n++
		}
	}
	return n
}

// TestVetFlagsParsed checks that the flags that the tool lists to go vet
// (-flags), which go vet may pass on, each in the form that takes the
// next argument as its value, do not keep the tool from checking the
// settings before it loads the package: the check would otherwise be
// left to the analyzer, which fails in every package.
func TestVetFlagsParsed(t *testing.T) {
	t.Parallel()
	out, err := exec.Command(binary, "-flags").Output()
	if err != nil {
		t.Fatal(err)
	}
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatal(err)
	}
	args := []string{"-delay=1s"}
	own := analyzer.New().Flags
	for _, f := range flags {
		switch {
		case own.Lookup(f.Name) != nil:
			// (The analyzer's own flags are checked by TestSettings.)
		case f.Bool:
			args = append(args, "-"+f.Name)
		default:
			args = append(args, "-"+f.Name, "0")
		}
	}
	// A configuration file that does not exist: the settings are checked
	// before it is read.
	cfg := filepath.Join(t.TempDir(), "vet.cfg")
	_, stderr, code := run(t, t.TempDir(), binary, append(args, cfg)...)
	if want := "sigtermcheck: -delay (1s) is shorter than -min-delay"; code != 2 || !strings.HasPrefix(stderr, want) {
		t.Errorf("sigtermcheck %s: exit %d, stderr:\n%s\nwant exit 2 and %q", strings.Join(args, " "), code, stderr, want)
	}
}

// TestLoadErrors checks that a package that does not type-check gives
// one line per error, without the analysis framework's follow-on errors
// for each analysis of it and of the packages that import it.
func TestLoadErrors(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":     "module example.com/broken\n\ngo 1.24\n",
		"lib/lib.go": "package lib\n\nfunc F() int { return undefined }\n",
		"main.go":    "package main\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/broken/lib\"\n)\n\nfunc main() {\n\t_ = lib.F()\n\thttp.ListenAndServe(\":8080\", nil)\n}\n",
	})
	for _, args := range [][]string{{"./..."}, {"-fix", "./..."}} {
		_, stderr, code := run(t, dir, binary, args...)
		if code != 1 || stderr != "lib/lib.go:3:23: undefined: undefined\n" {
			t.Errorf("sigtermcheck %s: exit %d, stderr:\n%s\nwant exit 1 and one line, the type error", strings.Join(args, " "), code, stderr)
		}
	}
}

// TestFixListsUnfixed checks that -fix applies what it can and lists the
// reports it could not fix, with a failing exit status.
func TestFixListsUnfixed(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	_, stderr, code := run(t, dir, binary, "-fix", "./...")
	// cmd/web's and cmd/admin's reports have fixes (admin's: add SIGTERM,
	// and drain the server it starts with http.ListenAndServe); cmd/worker's
	// server starts inside a library.
	if code != 3 {
		t.Errorf("sigtermcheck -fix: exit %d, want 3 (reports left)\n%s", code, stderr)
	}
	want := []string{"cmd/worker/main.go:10:12: missing-sigterm"}
	if got := byCheck(stderr); !slices.Equal(got, want) || !strings.Contains(stderr, "not fixed, 1 report without a suggested fix") {
		t.Errorf("sigtermcheck -fix listed %v, want %v:\n%s", got, want, stderr)
	}
	// What is left is what a run without -fix reports.
	_, stderr, _ = run(t, dir, binary, "./...")
	if got := byCheck(stderr); !slices.Equal(got, want) {
		t.Errorf("after -fix, sigtermcheck reports %v, want %v:\n%s", got, want, stderr)
	}
}

// byCheck returns the reports of text output as "file:line:col: check",
// with slash-separated paths, sorted.
func byCheck(out string) []string {
	var got []string
	for _, line := range reportLines(out) {
		m := textFinding.FindStringSubmatch(line)
		check := ""
		if c := checkSuffix.FindStringSubmatch(line); c != nil {
			check = c[1]
		}
		got = append(got, filepath.ToSlash(m[1])+":"+m[2]+":"+m[3]+": "+check)
	}
	slices.Sort(got)
	return got
}
