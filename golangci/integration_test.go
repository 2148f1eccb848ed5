package golangci

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
	"github.com/sigtermcheck/sigtermcheck/internal/testenv"
)

// This file runs a real golangci-lint, built by build.sh with the plugin
// compiled in, over the programs in testdata/buggy.

// The reports expected on testdata/buggy with the plugin's defaults.
// nolint/, nolintrelated/, lib/ and correct/ have none. Each report's
// text ends with its related locations, if any, then its check's name.
var wantFindings = []finding{
	{"missing-sigterm", "bare/main.go:11:12", ""},
	// The related location (the server start) is in the message, not an
	// issue of its own.
	{"missing-sigterm", "interrupt/main.go:17:15", " (the server is started here at line 20)"},
	{"missing-sigterm", "method/main.go:12:12", ""},
	{"shutdown-without-delay", "nodelay/main.go:28:12", " (the signal arrives here at line 25)"},
	{"shutdown-without-delay", "shortdelay/main.go:29:12", " (the signal arrives here at line 25)"},
	// Two reports on one line: golangci-lint keeps both only with
	// uniq-by-line: false.
	{"shutdown-context-done", "twoonaline/main.go:27:12", " (the context is done from here on at line 26)"},
	{"shutdown-without-delay", "twoonaline/main.go:27:12", " (the signal arrives here at line 26)"},
	{"missing-sigterm", "viahelper/main.go:12:12", " (the server is started inside lib.Serve at lib.go:7)"},
}

// A finding is a golangci-lint issue of a check at a position
// ("file:line:col"), whose text ends with related (the related
// locations folded into it, or "") and the check's name.
type finding struct {
	check, pos, related string
}

// end returns how the finding's text ends.
func (f finding) end() string {
	return f.related + analyzer.CheckSuffix(f.check)
}

// findings returns the wanted findings less those in the given files or
// of the given checks.
func findings(exceptFiles, exceptChecks []string) []finding {
	var fs []finding
	for _, f := range wantFindings {
		file, _, _ := strings.Cut(f.pos, ":")
		if !slices.Contains(exceptFiles, file) && !slices.Contains(exceptChecks, f.check) {
			fs = append(fs, f)
		}
	}
	return fs
}

// issue is what golangci-lint's JSON output says about one issue.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
	SuggestedFixes []json.RawMessage
}

func (i issue) pos() string {
	return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(i.Pos.Filename), i.Pos.Line, i.Pos.Column)
}

// config is a .golangci.yml that enables sigtermcheck alone, with the
// given settings (YAML lines, each indented by 10 spaces).
func config(settings ...string) string {
	if len(settings) == 0 {
		settings = []string{"{}"}
	}
	return `version: "2"
linters:
  default: none
  enable:
    - sigtermcheck
  settings:
    custom:
      sigtermcheck:
        type: module
        description: reports HTTP servers that mishandle SIGTERM
        settings:
          ` + strings.Join(settings, "\n          ") + `
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`
}

// runEnv is the variable that turns on TestGolangciLint, which builds a
// golangci-lint from about 200 modules: minutes on an empty build cache,
// too long for go test ./... on a fresh machine. .ci/run sets it in a
// step of its own.
const runEnv = "SIGTERMCHECK_GOLANGCI"

func TestGolangciLint(t *testing.T) {
	if os.Getenv(runEnv) != "1" {
		t.Skipf("builds golangci-lint (about 7 minutes on an empty build cache); run it with %s=1 go test ./golangci/", runEnv)
	}
	root := testenv.RepoRoot(t)
	testenv.RequireModules(t, filepath.Join(root, "golangci", "build"))
	gcl := buildGolangciLint(t, root)
	// One result cache for the runs below, apart from the user's.
	t.Setenv("GOLANGCI_LINT_CACHE", t.TempDir())

	// The shipped .golangci.yml, whose settings are the defaults. Runs
	// with the same configuration share golangci-lint's cached analysis
	// of the standard library.
	shipped, err := os.ReadFile(".golangci.yml")
	if err != nil {
		t.Fatal(err)
	}
	defaults := string(shipped)

	t.Run("findings", func(t *testing.T) {
		dir := buggyModule(t, defaults)
		got, code, out := runLint(t, gcl, dir)
		if code != 1 {
			t.Errorf("exit status %d, want 1 (issues found)\n%s", code, out)
		}
		assertFindings(t, got, wantFindings)
	})

	t.Run("min-delay", func(t *testing.T) {
		// shortdelay/ sleeps 3s before Shutdown.
		dir := buggyModule(t, config("min-delay: 2s"))
		got, _, _ := runLint(t, gcl, dir)
		assertFindings(t, got, findings([]string{"shortdelay/main.go"}, nil))
	})

	t.Run("disable", func(t *testing.T) {
		dir := buggyModule(t, config("disable: [missing-sigterm]"))
		got, _, _ := runLint(t, gcl, dir)
		assertFindings(t, got, findings(nil, []string{"missing-sigterm"}))

		dir = buggyModule(t, config("disable: [missing-sigterm, shutdown-without-delay, shutdown-context-done]"))
		got, code, out := runLint(t, gcl, dir)
		if code != 0 {
			t.Errorf("exit status %d, want 0 (no issues)\n%s", code, out)
		}
		assertFindings(t, got, nil)
	})

	t.Run("bad settings", func(t *testing.T) {
		for _, tc := range []struct{ setting, want string }{
			{"min-delay: 5 seconds", `plugin(sigtermcheck): newPlugin settings: min-delay: "5 seconds" is not a duration`},
			{"delay: 15", `settings: delay: want a duration string such as "15s", got a number`},
			{"delay: 0s", `settings: delay: must be positive, got 0s`},
			{"disable: [missing-sigkill]", `settings: disable: unknown check "missing-sigkill" (known checks: missing-sigterm, `},
			{"min_delay: 5s", `unknown field "min_delay" (known settings: min-delay, delay, disable, grace-period, prestop-delay, min-drain)`},
		} {
			dir := buggyModule(t, config(tc.setting))
			_, code, out := runLint(t, gcl, dir)
			if code != 3 {
				t.Errorf("setting %q: exit status %d, want 3 (failure)", tc.setting, code)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("setting %q: output does not contain %q:\n%s", tc.setting, tc.want, out)
			}
		}
	})

	t.Run("nolint", func(t *testing.T) {
		// wantFindings has nothing in nolint/ and nolintrelated/: without
		// their //nolint comments they have the reports of bare/ and
		// interrupt/.
		dir := buggyModule(t, defaults)
		for _, name := range []string{"nolint/main.go", "nolintrelated/main.go"} {
			path := filepath.Join(dir, filepath.FromSlash(name))
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			i := strings.Index(string(src), " //nolint:sigtermcheck")
			if i < 0 {
				t.Fatalf("%s has no //nolint:sigtermcheck comment", name)
			}
			eol := i + strings.IndexByte(string(src[i:]), '\n')
			src = slices.Concat(src[:i], src[eol:])
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, _, _ := runLint(t, gcl, dir)
		want := append(findings(nil, nil),
			finding{"missing-sigterm", "nolint/main.go:11:12", ""},
			finding{"missing-sigterm", "nolintrelated/main.go:17:15", " (the server is started here at line 20)"},
		)
		assertFindings(t, got, want)
	})

	// VS Code's command lines and parsing (editors_test.go).
	t.Run("vscode", func(t *testing.T) { testVSCode(t, gcl, defaults) })

	t.Run("fix", func(t *testing.T) {
		dir := buggyModule(t, config("delay: 20s"))
		before, _, _ := runLint(t, gcl, dir)
		assertFindings(t, before, wantFindings)
		var fixed []string // files with a fixable issue
		for _, is := range before {
			if len(is.SuggestedFixes) > 0 {
				fixed = append(fixed, is.Pos.Filename)
			}
		}
		for _, file := range []string{"interrupt/main.go", "nodelay/main.go", "shortdelay/main.go", "twoonaline/main.go"} {
			if !slices.Contains(fixed, file) {
				t.Errorf("no fix offered in %s", file)
			}
		}

		// golangci-lint run --fix applies the fixes and reports the rest.
		during, _, _ := runLint(t, gcl, dir, "--fix")
		var unfixable []finding
		for _, is := range before {
			if len(is.SuggestedFixes) == 0 {
				unfixable = append(unfixable, wantAt(is)...)
			}
		}
		assertFindings(t, during, unfixable)

		for file, want := range map[string]string{
			"interrupt/main.go":  "signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)",
			"nodelay/main.go":    "time.Sleep(20 * time.Second)", // the delay setting
			"shortdelay/main.go": "time.Sleep(20 * time.Second)",
			"twoonaline/main.go": "time.Sleep(20 * time.Second)",
		} {
			src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(src), want) {
				t.Errorf("--fix did not write %s in %s:\n%s", want, file, src)
			}
		}

		build := exec.Command("go", "build", "./...")
		build.Dir = dir
		build.Env = testenv.Env()
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("the fixed module does not build: %v\n%s", err, out)
		}

		// A second run reports nothing in the fixed files and the same
		// as before everywhere else.
		after, _, _ := runLint(t, gcl, dir)
		assertFindings(t, after, findings(fixed, nil))
	})
}

// buildGolangciLint builds the custom golangci-lint with build.sh and
// returns its path. The Go build cache makes all but the first build
// take seconds.
func buildGolangciLint(t *testing.T, root string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "golangci-lint-sigtermcheck")
	start := time.Now()
	cmd := exec.Command("bash", filepath.Join(root, "golangci", "build.sh"), bin)
	cmd.Env = testenv.Env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		if testenv.IsNetworkError(out) {
			t.Skipf("the Go module proxy is unreachable:\n%s", out)
		}
		t.Fatalf("golangci/build.sh: %v\n%s", err, out)
	}
	t.Logf("golangci/build.sh built golangci-lint in %v (cold: minutes; with a warm Go build cache: seconds)",
		time.Since(start).Round(time.Millisecond))
	return bin
}

// buggyModule copies testdata/buggy into a new module with the given
// .golangci.yml and returns its directory.
func buggyModule(t *testing.T, golangciYML string) string {
	t.Helper()
	dir := t.TempDir()
	testenv.CopyDir(t, dir, filepath.Join("testdata", "buggy"))
	testenv.WriteFile(t, dir, "go.mod", "module example.com/buggy\n\ngo 1.24\n")
	testenv.WriteFile(t, dir, ".golangci.yml", golangciYML)
	return dir
}

// runLint runs golangci-lint run over dir and returns the issues of its
// JSON output, its exit status and its text output.
func runLint(t *testing.T, gcl, dir string, args ...string) ([]issue, int, string) {
	t.Helper()
	jsonPath := filepath.Join(t.TempDir(), "issues.json")
	args = append([]string{"run",
		"--output.json.path", jsonPath,
		"--output.text.path", "stdout",
		"--show-stats=false",
	}, args...)
	args = append(args, "./...")
	cmd := exec.Command(gcl, args...)
	cmd.Dir = dir
	cmd.Env = testenv.Env()
	start := time.Now()
	outb, err := cmd.CombinedOutput()
	out := string(outb)
	code := exitStatus(t, err, args)
	t.Logf("golangci-lint %s: exit status %d in %v\n%s", strings.Join(args, " "), code,
		time.Since(start).Round(time.Millisecond), out)
	if code == 3 {
		return nil, code, out // a failure: there is no report
	}
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatalf("reading golangci-lint's JSON output: %v", err)
	}
	var report struct{ Issues []issue }
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("parsing golangci-lint's JSON output: %v\n%s", err, data)
	}
	return report.Issues, code, out
}

// wantAt returns the wanted finding of is's check at is's position.
func wantAt(is issue) []finding {
	for _, f := range wantFindings {
		if f.pos == is.pos() && strings.HasSuffix(is.Text, analyzer.CheckSuffix(f.check)) {
			return []finding{f}
		}
	}
	return nil
}

// assertFindings checks that got holds exactly the wanted findings, all
// from the sigtermcheck linter, in any order: as many issues as wanted
// (golangci-lint's defaults would drop the second report on a line),
// each at its position and ending with its related locations and check.
func assertFindings(t *testing.T, got []issue, want []finding) {
	t.Helper()
	got = slices.Clone(got)
	slices.SortFunc(got, func(a, b issue) int {
		return cmp.Or(cmp.Compare(a.Pos.Filename, b.Pos.Filename), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column), cmp.Compare(checkOf(a.Text), checkOf(b.Text)))
	})
	want = slices.Clone(want)
	slices.SortFunc(want, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.check, b.check))
	})
	ok := len(got) == len(want)
	for i := range min(len(got), len(want)) {
		if got[i].pos() != want[i].pos || got[i].FromLinter != Name || !strings.HasSuffix(got[i].Text, want[i].end()) {
			ok = false
		}
	}
	if ok {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "got %d issues:\n", len(got))
	for _, is := range got {
		fmt.Fprintf(&b, "\t%s: %s (%s)\n", is.pos(), is.Text, is.FromLinter)
	}
	fmt.Fprintf(&b, "want %d:\n", len(want))
	for _, f := range want {
		fmt.Fprintf(&b, "\t%s: ...%s (%s)\n", f.pos, f.end(), Name)
	}
	t.Error(b.String())
}

// checkOf returns the check name that ends an issue's text, or "".
func checkOf(text string) string {
	for _, name := range analyzer.CheckNames() {
		if strings.HasSuffix(text, analyzer.CheckSuffix(name)) {
			return name
		}
	}
	return ""
}

// exitStatus returns the exit status of a golangci-lint run that ended
// with err, failing the test if it could not run at all.
func exitStatus(t *testing.T, err error, args []string) int {
	t.Helper()
	if err == nil {
		return 0
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("golangci-lint %s: %v", strings.Join(args, " "), err)
	}
	return exit.ExitCode()
}
