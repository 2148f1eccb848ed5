package golangci

import (
	"cmp"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sigtermcheck/sigtermcheck/internal/testenv"
)

// This file checks what VS Code's Go extension (golang/vscode-go) does
// with "go.lintTool": "golangci-lint-v2" and "go.alternateTools" naming
// the custom golangci-lint: the command lines it runs and how it turns
// their output into diagnostics. VS Code itself cannot be installed
// here; the command lines are those of goLint in
// extension/src/diagnostics/goLint.ts and the parsing is runTool's in
// extension/src/util.ts (vscode-go main).
//
// GoLand's command line for golangci-lint v2 is not checked: the Go
// Linter plugin's current source is not public (see README.md).

// vscodeFlags are the flags goLint puts after "run" for golangci-lint-v2
// when go.lintFlags is empty, in its order.
var vscodeFlags = []string{
	"--issues-exit-code=0",
	"--output.text.print-issued-lines=false",
	"--show-stats=false",
	"--output.text.path=stdout",
	"--path-mode=abs",
}

// vscodeLine is runTool's regexp,
//
//	/^([^:]*: )?((.:)?[^:]*):(\d+)(:(\d+)?)?:(?:\w+:)? (.*)$/
//
// in RE2. The one change: JavaScript's "." matches anything but \n, \r,
// U+2028 and U+2029, Go's anything but \n, so each "." is written as
// that class. \d, \w, [^:], ^ and $ (no flags) mean the same in both.
var vscodeLine = regexp.MustCompile(`^([^:]*: )?(([^\n\r\x{2028}\x{2029}]:)?[^:]*):(\d+)(:(\d+)?)?:(?:\w+:)? ([^\n\r\x{2028}\x{2029}]*)$`)

// vscodeResult is one of runTool's results (an ICheckResult): a
// diagnostic VS Code shows. col is 0 when the line has none.
type vscodeResult struct {
	file      string
	line, col int
	msg       string
}

func (r vscodeResult) String() string {
	return fmt.Sprintf("%s:%d:%d: %q", r.file, r.line, r.col, r.msg)
}

// vscodeParse turns a tool's standard output into results as runTool
// does: a line that starts with a tab continues the previous message,
// other lines that do not match vscodeLine are ignored, and file names
// are resolved against the tool's working directory.
func vscodeParse(stdout, cwd string) []vscodeResult {
	var ret []vscodeResult
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "\t") && len(ret) > 0 {
			ret[len(ret)-1].msg += "\n" + l
			continue
		}
		m := vscodeLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		file, msg := m[2], m[7]
		line, _ := strconv.Atoi(m[4])
		col, _ := strconv.Atoi(m[6]) // "" (undefined): 0
		// runTool drops relative paths in vendor directories.
		sep := string(filepath.Separator)
		if !filepath.IsAbs(file) && (strings.HasPrefix(file, "vendor"+sep) || strings.Contains(file, sep+"vendor"+sep)) {
			continue
		}
		// path.resolve(cwd, file)
		if !filepath.IsAbs(file) {
			file = filepath.Join(cwd, file)
		}
		ret = append(ret, vscodeResult{filepath.Clean(file), line, col, msg})
	}
	return ret
}

// vscodeRunTool runs gcl with args in cwd as runTool does
// (cp.execFile) and returns the results VS Code would show, the exit
// status and the standard output and error. When the process fails and
// wrote to standard error, runTool discards everything: no results.
func vscodeRunTool(t *testing.T, gcl string, args []string, cwd string) ([]vscodeResult, int, string, string) {
	t.Helper()
	cmd := exec.Command(gcl, args...)
	cmd.Dir = cwd
	cmd.Env = testenv.Env()
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	code := exitStatus(t, err, args)
	t.Logf("in %s: golangci-lint %s: exit status %d in %v\nstdout:\n%sstderr:\n%s", cwd, strings.Join(args, " "), code,
		time.Since(start).Round(time.Millisecond), stdout.String(), stderr.String())
	if code != 0 && stderr.Len() > 0 {
		return nil, code, stdout.String(), stderr.String()
	}
	return vscodeParse(stdout.String(), cwd), code, stdout.String(), stderr.String()
}

func sortResults(rs []vscodeResult) []vscodeResult {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b vscodeResult) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col), cmp.Compare(a.msg, b.msg))
	})
	return rs
}

// testVSCode runs, on the buggy module, the command lines that VS Code
// runs on save in each go.lintOnSave scope, and checks that what it
// would show is exactly what golangci-lint's JSON output reports.
func testVSCode(t *testing.T, gcl, golangciYML string) {
	dir := buggyModule(t, golangciYML)

	// The truth: the JSON output of a normal run at the module root.
	issues, _, _ := runLint(t, gcl, dir)
	assertFindings(t, issues, wantFindings)
	var all []vscodeResult
	for _, is := range issues {
		all = append(all, vscodeResult{
			file: filepath.Join(dir, filepath.FromSlash(is.Pos.Filename)),
			line: is.Pos.Line,
			col:  is.Pos.Column,
			// The text output names the linter after the message.
			msg: is.Text + " (" + Name + ")",
		})
	}
	file := filepath.Join(dir, "nodelay", "main.go") // the saved file
	inNodelay := func(r vscodeResult) bool { return filepath.Dir(r.file) == filepath.Dir(file) }

	for _, tc := range []struct {
		scope string // go.lintOnSave
		args  []string
		cwd   string
		want  []vscodeResult
	}{
		// The default: golangci-lint's own default, ./..., from the file's
		// directory; the .golangci.yml is in the parent directory.
		{"package", slices.Concat([]string{"run"}, vscodeFlags), filepath.Dir(file), slices.DeleteFunc(slices.Clone(all), func(r vscodeResult) bool { return !inNodelay(r) })},
		{"file", slices.Concat([]string{"run"}, vscodeFlags, []string{file}), filepath.Dir(file), slices.DeleteFunc(slices.Clone(all), func(r vscodeResult) bool { return r.file != file })},
		{"workspace", slices.Concat([]string{"run"}, vscodeFlags, []string{"./..."}), dir, all},
	} {
		t.Run(tc.scope, func(t *testing.T) {
			if len(tc.want) == 0 {
				t.Fatal("the JSON output has no issue for this scope")
			}
			got, code, stdout, _ := vscodeRunTool(t, gcl, tc.args, tc.cwd)
			if code != 0 {
				t.Errorf("exit status %d, want 0 (--issues-exit-code=0); VS Code shows nothing when the exit status is not 0 and there is output on standard error", code)
			}
			got, want := sortResults(got), sortResults(tc.want)
			if !slices.Equal(got, want) {
				t.Errorf("VS Code would show:\n%s\nwant (from the JSON output):\n%s", resultLines(got), resultLines(want))
			}
			// One output line per issue: none is dropped or split.
			var lines int
			for l := range strings.SplitSeq(stdout, "\n") {
				if l != "" {
					lines++
				}
			}
			if lines != len(want) || len(got) != len(want) {
				t.Errorf("%d non-empty output lines, %d results, want %d of each", lines, len(got), len(want))
			}
			// The related location and the check name are in the message VS Code shows.
			const related = "(the signal arrives here at line 25) (shutdown-without-delay) (" + Name + ")"
			if !slices.ContainsFunc(got, func(r vscodeResult) bool { return r.file == file && strings.HasSuffix(r.msg, related) }) {
				t.Errorf("no message for %s ends with %q", file, related)
			}
		})
	}

	// golangci-lint's documentation suggests "go.lintFlags": ["--fast-only"]
	// for editors. --fast-only keeps only the linters that need no type
	// information; sigtermcheck needs it, so it does not run. Alone in
	// the configuration, golangci-lint then fails, and VS Code shows
	// nothing at all.
	t.Run("fast-only", func(t *testing.T) {
		args := slices.Concat([]string{"run", "--fast-only"}, vscodeFlags)
		got, code, _, stderr := vscodeRunTool(t, gcl, args, filepath.Dir(file))
		if code != 3 || !strings.Contains(stderr, "no linters enabled") {
			t.Errorf("exit status %d, stderr %q; want 3 and \"no linters enabled\"", code, stderr)
		}
		if got != nil {
			t.Errorf("VS Code would show %v, want nothing", got)
		}
	})
}

func resultLines(rs []vscodeResult) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "\t%v\n", r)
	}
	return b.String()
}

// TestVSCodeParse shows what vscodeParse, like VS Code, makes of lines
// that testVSCode would reject.
func TestVSCodeParse(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("the cases use POSIX paths")
	}
	for _, tc := range []struct {
		name, stdout string
		want         []vscodeResult
	}{
		{"colons in the message",
			"/m/a/main.go:28:12: Shutdown right after the signal: sleep first (at line 25) (sigtermcheck)\n",
			[]vscodeResult{{"/m/a/main.go", 28, 12, "Shutdown right after the signal: sleep first (at line 25) (sigtermcheck)"}}},
		{"relative path",
			"main.go:3:4: x (sigtermcheck)\n",
			[]vscodeResult{{"/m/a/main.go", 3, 4, "x (sigtermcheck)"}}},
		{"no column",
			"/m/a/main.go:3: x\n",
			[]vscodeResult{{"/m/a/main.go", 3, 0, "x"}}},
		// A newline in a message cuts it: the rest is a line of its own,
		// ignored unless it starts with a tab.
		{"newline in the message",
			"/m/a/main.go:3:4: first part\nsecond part (sigtermcheck)\n",
			[]vscodeResult{{"/m/a/main.go", 3, 4, "first part"}}},
		{"tab after a newline",
			"/m/a/main.go:3:4: first part\n\tsecond part (sigtermcheck)\n",
			[]vscodeResult{{"/m/a/main.go", 3, 4, "first part\n\tsecond part (sigtermcheck)"}}},
		// JavaScript's "." does not match \r: the whole line is ignored.
		{"carriage return in the message",
			"/m/a/main.go:3:4: first\rsecond\n",
			nil},
		{"file:line: prefix in the message",
			"/m/a/main.go:3:4: lib.go:7: started here\n",
			[]vscodeResult{{"/m/a/main.go", 3, 4, "lib.go:7: started here"}}},
	} {
		if got := vscodeParse(tc.stdout, "/m/a"); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}
