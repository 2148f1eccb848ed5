// Package integration tests the ways users install and run sigtermcheck
// with the go command alone.
package integration

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sigtermcheck/sigtermcheck/internal/testenv"
)

// buggyMain starts a server and never handles SIGTERM: missing-sigterm
// at 9:12, the ListenAndServe call.
const buggyMain = `package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", nil))
}
`

// wantEnd ends the report: the check's name.
const wantEnd = " (missing-sigterm)"

// TestGoTool makes sigtermcheck a tool dependency of a user's module the
// way the README's "go tool" section says, with the module not yet
// published: go mod edit -require and -replace pointing at this
// checkout, go mod edit -tool, go mod tidy, all with the go command's
// default settings (no GOPROXY=off, no go.sum copied in). Then it runs
// both commands the README shows: go tool sigtermcheck, and go vet
// -vettool.
func TestGoTool(t *testing.T) {
	root := testenv.RepoRoot(t)
	testenv.RequireModules(t, root)

	dir := t.TempDir()
	testenv.WriteFile(t, dir, "go.mod", "module example.com/buggy\n\ngo 1.24\n")
	testenv.WriteFile(t, dir, "srv/main.go", buggyMain)
	goCmd(t, dir, 0, nil, "mod", "edit",
		"-require=github.com/sigtermcheck/sigtermcheck@v0.0.0",
		"-replace=github.com/sigtermcheck/sigtermcheck="+root)
	goCmd(t, dir, 0, nil, "mod", "edit", "-tool=github.com/sigtermcheck/sigtermcheck/cmd/sigtermcheck")
	if out, code := goRun(t, dir, nil, "mod", "tidy"); code != 0 {
		if testenv.IsNetworkError([]byte(out)) {
			t.Skipf("go mod tidy cannot reach the module proxy:\n%s", out)
		}
		t.Fatalf("go mod tidy: exit status %d\n%s", code, out)
	}

	file := filepath.Join(dir, "srv", "main.go")

	t.Run("go tool", func(t *testing.T) {
		// The analysis driver exits 3 when it reports something.
		out := goCmd(t, dir, 3, nil, "tool", "sigtermcheck", "./...")
		assertReport(t, dir, out, file, 9, 12)
	})

	t.Run("go vet", func(t *testing.T) {
		tool := strings.TrimSpace(goCmd(t, dir, 0, nil, "tool", "-n", "sigtermcheck"))
		if !filepath.IsAbs(tool) {
			t.Fatalf("go tool -n sigtermcheck = %q, want an absolute path", tool)
		}
		// go vet exits 1 when the vet tool reports something.
		out := goCmd(t, dir, 1, nil, "vet", "-vettool="+tool, "./...")
		assertReport(t, dir, out, file, 9, 12)
	})
}

// goCmd runs the go command in dir with extra environment variables and
// returns its combined output, failing the test unless it exits with
// status want.
func goCmd(t *testing.T, dir string, want int, env []string, args ...string) string {
	t.Helper()
	out, code := goRun(t, dir, env, args...)
	if code != want {
		t.Fatalf("go %s: exit status %d, want %d\n%s", strings.Join(args, " "), code, want, out)
	}
	return out
}

// goRun runs the go command in dir with extra environment variables and
// returns its combined output and exit status.
func goRun(t *testing.T, dir string, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = testenv.Env(env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("go %s: %v", strings.Join(args, " "), err)
		}
		code = exit.ExitCode()
	}
	t.Logf("go %s: exit status %d\n%s", strings.Join(args, " "), code, out)
	return string(out), code
}

var reportLine = regexp.MustCompile(`(?m)^(.+\.go):(\d+):(\d+): (.*)$`)

// assertReport checks that out holds exactly one report, at file:line:col
// (a path absolute or relative to dir), of the missing-sigterm check.
func assertReport(t *testing.T, dir, out, file string, line, col int) {
	t.Helper()
	reports := reportLine.FindAllStringSubmatch(out, -1)
	if len(reports) != 1 {
		t.Fatalf("got %d reports, want 1:\n%s", len(reports), out)
	}
	r := reports[0]
	path := r[1]
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	if !samePath(path, file) || r[2] != strconv.Itoa(line) || r[3] != strconv.Itoa(col) {
		t.Errorf("report at %s:%s:%s, want %s:%d:%d", r[1], r[2], r[3], file, line, col)
	}
	if !strings.HasSuffix(r[4], wantEnd) {
		t.Errorf("report message %q, want it to end with %q", r[4], wantEnd)
	}
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}
