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

const wantMessage = "server started without handling SIGTERM"

// TestGoTool installs sigtermcheck as a tool dependency of a user's module
// (go get -tool) and runs it both ways the README shows: go tool
// sigtermcheck, and go vet -vettool.
func TestGoTool(t *testing.T) {
	root := testenv.RepoRoot(t)
	testenv.RequireModules(t, root)

	dir := t.TempDir()
	testenv.WriteFile(t, dir, "go.mod", "module example.com/buggy\n\ngo 1.24\n")
	testenv.WriteFile(t, dir, "srv/main.go", buggyMain)
	// sigtermcheck is not published: the module proxy has never heard of
	// it and answers go get's queries with an error. Point the module at
	// this checkout and let go get resolve everything from the
	// replacement and the module cache (filled by RequireModules), with
	// the checksums sigtermcheck's go.sum already verified.
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, dir, "go.sum", string(sum))
	goCmd(t, dir, 0, nil, "mod", "edit",
		"-require=github.com/sigtermcheck/sigtermcheck@v0.0.0",
		"-replace=github.com/sigtermcheck/sigtermcheck="+root)
	goCmd(t, dir, 0, []string{"GOPROXY=off"}, "get", "-tool", "github.com/sigtermcheck/sigtermcheck/cmd/sigtermcheck")

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
	if code != want {
		t.Fatalf("go %s: exit status %d, want %d\n%s", strings.Join(args, " "), code, want, out)
	}
	return string(out)
}

var reportLine = regexp.MustCompile(`(?m)^(.+\.go):(\d+):(\d+): (.*)$`)

// assertReport checks that out holds exactly one report, at file:line:col
// (a path absolute or relative to dir), with the missing-sigterm message.
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
	if !strings.HasPrefix(r[4], wantMessage) {
		t.Errorf("report message %q, want it to start with %q", r[4], wantMessage)
	}
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}
