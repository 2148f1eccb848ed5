package main_test

// Suggested fixes through each driver people apply them with (SPEC
// section 6): go vet -vettool -fix, go fix -fixtool and the standalone
// -fix, each first with -diff.

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fixme is a module with one program per check that has a fix.
var fixme = map[string]string{
	"go.mod": "module example.com/fixme\n\ngo 1.26\n",
	"cmd/sigint/main.go": `// Command sigint drains on Ctrl-C, but Kubernetes sends SIGTERM.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()

	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt) // Ctrl-C in a terminal
	<-c

	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
`,
	"cmd/hello/main.go": `// Command hello never handles SIGTERM.
package main

import (
	"fmt"
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	})
	// Serve until killed.
	log.Fatal(http.ListenAndServe(":8080", nil))
}
`,
	"cmd/quit/main.go": `// Command quit exits on SIGTERM without draining.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	log.Print("bye")
	os.Exit(0)
}
`,
	"cmd/fatal/main.go": `// Command fatal drains, but log.Fatal ends the process when Shutdown begins.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		log.Fatal(srv.ListenAndServe()) // serve until Shutdown
	}()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Print(err)
	}
}
`,
	"cmd/nodelay/main.go": `// Command nodelay drains at once: load balancers still route to it.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	// Drain in-flight requests.
	if err := srv.Shutdown(context.Background()); err != nil {
		log.Print(err)
	}
}
`,
	"cmd/close/main.go": `// Command close cuts in-flight requests on SIGTERM.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	log.Print("stopping")
	srv.Close() // stop serving
}
`,
	"cmd/signalctx/main.go": `// Command signalctx drains with the signal context, which is already done.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	if err := srv.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
`,
}

// fixmeChecks names the check each program of fixme has a fix for.
var fixmeChecks = map[string]string{
	"cmd/sigint/main.go":    "missing-sigterm", // the SIGINT-only variant
	"cmd/hello/main.go":     "missing-sigterm", // the rewrite into the graceful shape
	"cmd/quit/main.go":      "exit-in-handler",
	"cmd/fatal/main.go":     "exit-before-drain",
	"cmd/nodelay/main.go":   "shutdown-without-delay",
	"cmd/close/main.go":     "close-instead-of-shutdown",
	"cmd/signalctx/main.go": "shutdown-context-done",
}

// fixmeFixed is the exact text that the fixes give some programs.
var fixmeFixed = map[string]string{
	"cmd/sigint/main.go": `// Command sigint drains on Ctrl-C, but Kubernetes sends SIGTERM.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()

	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM) // Ctrl-C in a terminal
	<-c

	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
`,
	"cmd/nodelay/main.go": `// Command nodelay drains at once: load balancers still route to it.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	// Drain in-flight requests.
	time.Sleep(15 * time.Second) // let load balancers stop routing here before the listeners close
	if err := srv.Shutdown(context.Background()); err != nil {
		log.Print(err)
	}
}
`,
	"cmd/close/main.go": `// Command close cuts in-flight requests on SIGTERM.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	log.Print("stopping")
	time.Sleep(15 * time.Second) // let load balancers stop routing here before the listeners close
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(shutdownCtx) // stop serving
}
`,
	"cmd/signalctx/main.go": `// Command signalctx drains with the signal context, which is already done.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Print(err)
	}
}
`,
}

// A fixFinding is a diagnostic of -json output, by file.
type fixFinding struct {
	file, category, message string
	fixes                   int
}

// fixFindings decodes the -json output of the standalone checker, or of
// go vet (whose "# pkg" lines it skips), with paths relative to dir.
func fixFindings(t *testing.T, dir, out string) []fixFinding {
	t.Helper()
	var js strings.Builder
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, "#") {
			js.WriteString(line)
		}
	}
	var got []fixFinding
	dec := json.NewDecoder(strings.NewReader(js.String()))
	for dec.More() {
		var v vetJSON
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("bad JSON output: %v\n%s", err, out)
		}
		for _, byAnalyzer := range v {
			for _, diags := range byAnalyzer {
				for _, d := range diags {
					file, _, _ := strings.Cut(d.Posn, ":")
					if rel, err := filepath.Rel(dir, file); err == nil {
						file = rel
					}
					got = append(got, fixFinding{filepath.ToSlash(file), d.Category, d.Message, len(d.SuggestedFixes)})
				}
			}
		}
	}
	return got
}

// readFiles returns the contents of every file under dir, by slash
// path relative to dir.
func readFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@`)

// applyDiff applies a unified diff whose file names are absolute paths
// in dir (or relative to it) to files, and returns the patched files.
func applyDiff(dir string, files map[string]string, diff string) (map[string]string, error) {
	patched := maps.Clone(files)
	lines := strings.SplitAfter(diff, "\n")
	for i := 0; i < len(lines); {
		if !strings.HasPrefix(lines[i], "--- ") {
			if strings.TrimSpace(lines[i]) != "" {
				return nil, fmt.Errorf("line %d: not part of a unified diff: %q", i+1, lines[i])
			}
			i++
			continue
		}
		name := strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(lines[i], "--- ")), " (old)")
		if rel, err := filepath.Rel(dir, name); err == nil && filepath.IsAbs(name) {
			name = rel
		}
		name = filepath.ToSlash(name)
		src, ok := patched[name]
		if !ok {
			return nil, fmt.Errorf("line %d: diff of unknown file %s", i+1, name)
		}
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "+++ ") {
			return nil, fmt.Errorf("line %d: --- without +++", i+1)
		}
		i += 2
		old := strings.SplitAfter(src, "\n")
		old = old[:len(old)-1] // after the last newline
		var out []string
		at := 0 // next line of old to copy
		for i < len(lines) && strings.HasPrefix(lines[i], "@@ ") {
			m := hunkHeader.FindStringSubmatch(lines[i])
			if m == nil {
				return nil, fmt.Errorf("line %d: bad hunk header %q", i+1, lines[i])
			}
			start, oldN, newN := atoi(m[1]), count(m[2]), count(m[4])
			if oldN > 0 {
				start-- // the first line of the hunk; else the line it follows
			}
			if start < at || start > len(old) {
				return nil, fmt.Errorf("line %d: hunk out of order", i+1)
			}
			out = append(out, old[at:start]...)
			at = start
			i++
			for oldN > 0 || newN > 0 {
				if i >= len(lines) || lines[i] == "" {
					return nil, fmt.Errorf("%s: truncated hunk", name)
				}
				l := lines[i]
				switch l[0] {
				case ' ', '-':
					if at >= len(old) || old[at] != l[1:] {
						return nil, fmt.Errorf("line %d: %q does not match %s:%d", i+1, l, name, at+1)
					}
					if l[0] == ' ' {
						out = append(out, l[1:])
						newN--
					}
					at++
					oldN--
				case '+':
					out = append(out, l[1:])
					newN--
				default:
					return nil, fmt.Errorf("line %d: bad hunk line %q", i+1, l)
				}
				i++
			}
		}
		patched[name] = strings.Join(append(out, old[at:]...), "")
	}
	return patched, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// count is a hunk header's line count, 1 when omitted.
func count(s string) int {
	if s == "" {
		return 1
	}
	return atoi(s)
}

func TestFix(t *testing.T) {
	t.Parallel()

	// Each program is reported for its check, with a fix. (This also
	// warms go vet's cache for the drivers below.)
	dir := fixmeModule(t)
	stdout, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "-json", "./...")
	if code != 0 {
		t.Fatalf("go vet -json: exit %d\n%s", code, stderr)
	}
	fixable := make(map[string][]string) // file -> checks offering a fix there
	for _, f := range fixFindings(t, dir, stdout+stderr) {
		if f.fixes > 0 && !slices.Contains(fixable[f.file], f.category) {
			fixable[f.file] = append(fixable[f.file], f.category)
		}
	}
	for _, file := range slices.Sorted(maps.Keys(fixmeChecks)) {
		if !slices.Contains(fixable[file], fixmeChecks[file]) {
			t.Errorf("%s: no %s report with a fix (fixes offered: %v)", file, fixmeChecks[file], fixable[file])
		}
	}

	goroot, stderr, code := run(t, dir, "go", "env", "GOROOT")
	if code != 0 {
		t.Fatalf("go env GOROOT: exit %d\n%s", code, stderr)
	}
	gofmt := filepath.Join(strings.TrimSpace(goroot), "bin", "gofmt")

	// The drivers, as go help vet and go help fix (Go 1.26) document them:
	// go vet's -diff requires -fix ("go vet -diff flag requires -fix"),
	// go fix applies fixes by default; both exit non-zero when the diff
	// is not empty. The standalone checker prints the diff with -fix
	// -diff, and exits 0 then (or 3, its code for findings).
	for _, driver := range []struct {
		name      string
		cmd       string
		diff, fix []string
		diffFails bool // exits non-zero when the diff is not empty
	}{
		{"go vet", "go",
			[]string{"vet", "-vettool=" + binary, "-fix", "-diff", "./..."},
			[]string{"vet", "-vettool=" + binary, "-fix", "./..."}, true},
		{"go fix", "go",
			[]string{"fix", "-fixtool=" + binary, "-diff", "./..."},
			[]string{"fix", "-fixtool=" + binary, "./..."}, true},
		{"standalone", binary,
			[]string{"-fix", "-diff", "./..."},
			[]string{"-fix", "./..."}, false},
	} {
		t.Run(driver.name, func(t *testing.T) {
			t.Parallel()
			dir := fixmeModule(t)
			command := func(args []string) string {
				return strings.Join(append([]string{filepath.Base(driver.cmd)}, args...), " ")
			}

			// -diff prints the patch and changes no file.
			stdout, stderr, code := run(t, dir, driver.cmd, driver.diff...)
			if strings.Contains(stderr, "panic") || (driver.diffFails && code == 0) || (!driver.diffFails && code != 0 && code != 3) {
				t.Errorf("%s: exit %d, stderr:\n%s", command(driver.diff), code, stderr)
			}
			if got := readFiles(t, dir); !maps.Equal(got, fixme) {
				t.Errorf("%s changed the files", command(driver.diff))
			}
			for file := range fixable {
				if !strings.Contains(stdout, filepath.Join(dir, filepath.FromSlash(file))+" (old)\n") {
					t.Errorf("%s: no diff of %s:\n%s", command(driver.diff), file, stdout)
				}
			}
			patched, err := applyDiff(dir, fixme, stdout)
			if err != nil {
				t.Fatalf("%s: %v\n%s", command(driver.diff), err, stdout)
			}

			// -fix writes what the diff showed.
			_, stderr, code = run(t, dir, driver.cmd, driver.fix...)
			if code != 0 {
				t.Fatalf("%s: exit %d, stderr:\n%s", command(driver.fix), code, stderr)
			}
			got := readFiles(t, dir)
			for _, file := range slices.Sorted(maps.Keys(got)) {
				if got[file] != patched[file] {
					t.Errorf("%s: %s differs from what -diff showed:\n%s\nwant:\n%s", command(driver.fix), file, got[file], patched[file])
				}
			}
			for _, file := range slices.Sorted(maps.Keys(fixmeFixed)) {
				if got[file] != fixmeFixed[file] {
					t.Errorf("%s: %s is\n%s\nwant:\n%s", command(driver.fix), file, got[file], fixmeFixed[file])
				}
			}

			// The result builds, is gofmt-clean, and has nothing left
			// to fix.
			if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
				t.Errorf("go build after %s: exit %d\n%s", command(driver.fix), code, stderr)
			}
			if stdout, stderr, code := run(t, dir, gofmt, "-l", "."); code != 0 || stdout != "" {
				t.Errorf("gofmt -l after %s: exit %d, not formatted:\n%s%s", command(driver.fix), code, stdout, stderr)
			}
			stdout, stderr, code = run(t, dir, "go", "vet", "-vettool="+binary, "-json", "./...")
			if code != 0 {
				t.Fatalf("go vet -json after %s: exit %d\n%s", command(driver.fix), code, stderr)
			}
			for _, f := range fixFindings(t, dir, stdout+stderr) {
				if slices.Contains(fixable[f.file], f.category) || f.fixes > 0 {
					t.Errorf("after %s, still reported: %s: %s: %s (%d fixes)", command(driver.fix), f.file, f.category, f.message, f.fixes)
				}
			}
		})
	}
}

// fixmeModule writes fixme to a new directory, and returns its path
// with symbolic links resolved, as the tools print it.
func fixmeModule(t *testing.T) string {
	t.Helper()
	dir := writeModule(t, fixme)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return dir
}
