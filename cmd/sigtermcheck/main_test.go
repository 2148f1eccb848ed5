package main_test

// These tests build the sigtermcheck binary and drive it as people do:
// through the real go command (go vet -vettool) and standalone.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var binary string // the sigtermcheck binary under test

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sigtermcheck-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "sigtermcheck")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// shop is a small module: one program handles signals through a package
// of its own module, the others get signal handling wrong.
var shop = map[string]string{
	"go.mod": "module example.com/shop\n\ngo 1.24\n",
	"internal/signals/signals.go": `package signals

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Context is cancelled on SIGTERM or Ctrl-C.
func Context() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
}
`,
	"internal/server/server.go": `package server

import "net/http"

// Run serves the shop's API.
func Run(addr string) error {
	return http.ListenAndServe(addr, nil)
}
`,
	"cmd/api/main.go": `package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"

	"example.com/shop/internal/signals"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	ctx, stop := signals.Context()
	defer stop()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Print(err)
	}
}
`,
	"cmd/web/main.go": `package main

import (
	"log"
	"net/http"
)

func main() {
	http.Handle("/", http.FileServer(http.Dir("static")))
	log.Fatal(http.ListenAndServe(":8080", nil))
}
`,
	"cmd/admin/main.go": `package main

import (
	"net/http"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go http.ListenAndServe(":9090", nil)
	<-c
}
`,
	"cmd/worker/main.go": `package main

import (
	"log"

	"example.com/shop/internal/server"
)

func main() {
	if err := server.Run(":8081"); err != nil {
		log.Fatal(err)
	}
}
`,
}

// The findings on shop, as file:line:col: category.
var shopFindings = []string{
	"cmd/admin/main.go:11:2: missing-sigterm",
	"cmd/admin/main.go:13:2: exit-in-handler",
	"cmd/web/main.go:10:12: missing-sigterm",
	"cmd/worker/main.go:10:12: missing-sigterm",
}

func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run runs a command in dir and returns its stdout, stderr and exit code.
func run(t *testing.T, dir string, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GOPROXY=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		}
		code = exit.ExitCode()
	}
	return stdout.String(), stderr.String(), code
}

var textFinding = regexp.MustCompile(`(?m)^(?:\./)?((?:[^\s:]+/)?[^\s:]+\.go):(\d+):(\d+): (.*)$`)

func TestGoVet(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	_, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if code != 1 {
		t.Errorf("go vet exit code = %d, want 1; stderr:\n%s", code, stderr)
	}
	// The text output names each report's check at its end, as -json
	// gives it as the category.
	if got := byCheck(stderr); !slices.Equal(got, shopFindings) {
		t.Errorf("go vet reported:\n%s\nwant:\n%s\nstderr:\n%s", strings.Join(got, "\n"), strings.Join(shopFindings, "\n"), stderr)
	}
}

// vetJSON is the -json output of go vet and of the standalone checker:
// package -> analyzer -> diagnostics.
type vetJSON map[string]map[string][]struct {
	Posn     string `json:"posn"`
	Category string `json:"category"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
	SuggestedFixes []struct {
		Message string `json:"message"`
	} `json:"suggested_fixes"`
}

// findings flattens JSON output to "file:line:col: category" relative to dir.
func findings(t *testing.T, dir, out string) []string {
	t.Helper()
	var got []string
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var v vetJSON
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("bad JSON output: %v\n%s", err, out)
		}
		for _, byAnalyzer := range v {
			for _, diags := range byAnalyzer {
				for _, d := range diags {
					posn, err := filepath.Rel(dir, d.Posn)
					if err != nil {
						posn = d.Posn
					}
					got = append(got, filepath.ToSlash(posn)+": "+d.Category)
				}
			}
		}
	}
	slices.Sort(got)
	return got
}

func TestGoVetJSON(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	stdout, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "-json", "./...")
	if code != 0 {
		t.Errorf("go vet -json exit code = %d, want 0 (findings are data); stderr:\n%s", code, stderr)
	}
	// go vet prints the tool's JSON on stderr, preceded by "# pkg" lines.
	var js strings.Builder
	for line := range strings.Lines(stdout + stderr) {
		if !strings.HasPrefix(line, "#") {
			js.WriteString(line)
		}
	}
	if got := findings(t, dir, js.String()); !slices.Equal(got, shopFindings) {
		t.Errorf("go vet -json findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(shopFindings, "\n"))
	}
}

func TestStandaloneJSON(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	stdout, stderr, code := run(t, dir, binary, "-json", "./...")
	if code != 0 {
		t.Errorf("sigtermcheck -json exit code = %d, want 0; stderr:\n%s", code, stderr)
	}
	if got := findings(t, dir, stdout); !slices.Equal(got, shopFindings) {
		t.Errorf("sigtermcheck -json findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(shopFindings, "\n"))
	}
	// The worker's report points into the package that starts the server.
	if !strings.Contains(stdout, `"message": "the server is started inside server.Run"`) {
		t.Errorf("missing Related information pointing into internal/server:\n%s", stdout)
	}
}

func TestStandaloneText(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	_, stderr, code := run(t, dir, binary, "./...")
	if code != 3 {
		t.Errorf("sigtermcheck exit code = %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	if n := len(textFinding.FindAllString(stderr, -1)); n != 4+2 { // 4 findings, 2 related lines
		t.Errorf("got %d position lines, want 6:\n%s", n, stderr)
	}
}

func TestDisable(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	stdout, stderr, code := run(t, dir, binary, "-json", "-disable=missing-sigterm,exit-in-handler", "./...")
	if code != 0 || len(findings(t, dir, stdout)) != 0 {
		t.Errorf("with -disable=missing-sigterm,exit-in-handler: exit %d, output:\n%s%s", code, stdout, stderr)
	}
}

func TestBadFlags(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, shop)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-min-delay=abc"}, `invalid value "abc" for flag -min-delay: not a duration`},
		{[]string{"-delay=-3s"}, `invalid value "-3s" for flag -delay: must be positive`},
		{[]string{"-disable=missing-sigterm,exit-in-handlr"}, `invalid value "missing-sigterm,exit-in-handlr" for flag -disable: unknown check "exit-in-handlr"`},
	} {
		_, stderr, code := run(t, dir, binary, append(tc.args, "./...")...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("sigtermcheck %v: exit %d, stderr:\n%s\nwant exit 2 and %q", tc.args, code, stderr, tc.want)
		}
		if strings.Count(stderr, "\n") > 2 {
			t.Errorf("sigtermcheck %v: error should be short, got:\n%s", tc.args, stderr)
		}
		// Through go vet, the same error, and a failing exit.
		_, stderr, code = run(t, dir, "go", append([]string{"vet", "-vettool=" + binary}, append(tc.args, "./cmd/web")...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("go vet %v: exit %d, stderr:\n%s\nwant failure and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestTypeErrors(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/broken\n\ngo 1.24\n",
		"main.go": "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(undefined, nil)\n}\n",
	})
	_, stderr, code := run(t, dir, binary, "./...")
	if code == 0 || code == 3 || !strings.Contains(stderr, "undefined: undefined") || strings.Contains(stderr, "panic") {
		t.Errorf("on code that does not type-check: exit %d, stderr:\n%s\nwant the type error and a failing exit", code, stderr)
	}
}

// TestExamples runs the README's first command and checks that the bundled
// examples show what they are there to show: a finding per buggy program,
// nothing on the correct one.
func TestExamples(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, root, binary, "-json", "./examples/...")
	if code != 0 {
		t.Fatalf("sigtermcheck -json ./examples/...: exit %d\n%s", code, stderr)
	}
	want := []string{
		"examples/ctrlc/main.go:23:15: missing-sigterm",
		"examples/fataldrain/main.go:20:3: exit-before-drain",
		"examples/fataldrain/main.go:28:2: close-instead-of-shutdown",
		"examples/hello/main.go:16:12: missing-sigterm",
		"examples/instantshutdown/main.go:24:3: request-context-cancelled",
		"examples/instantshutdown/main.go:34:12: shutdown-context-done",
		"examples/instantshutdown/main.go:34:12: shutdown-without-delay",
		"examples/quickexit/main.go:30:2: exit-in-handler",
	}
	if got := findings(t, root, stdout); !slices.Equal(got, want) {
		t.Errorf("findings on examples:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The same findings through go vet.
	stdout, stderr, code = run(t, root, "go", "vet", "-vettool="+binary, "-json", "./examples/...")
	if code != 0 {
		t.Fatalf("go vet -json ./examples/...: exit %d\n%s", code, stderr)
	}
	var js strings.Builder
	for line := range strings.Lines(stdout + stderr) {
		if !strings.HasPrefix(line, "#") {
			js.WriteString(line)
		}
	}
	if got := findings(t, root, js.String()); !slices.Equal(got, want) {
		t.Errorf("go vet findings on examples:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestExamplesFix applies every suggested fix to a copy of the examples in
// one run, as sigtermcheck -fix does: the result builds, is gofmt-clean,
// and sigtermcheck then reports nothing.
func TestExamplesFix(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../examples")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/examples\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, dir, binary, "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("sigtermcheck -fix: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("fixed examples do not build:\n%s", stderr)
	}
	if stdout, _, _ := run(t, dir, "gofmt", "-l", "."); stdout != "" {
		t.Errorf("fixed examples are not gofmt-clean:\n%s", stdout)
	}
	stdout, stderr, code := run(t, dir, binary, "-json", "./...")
	if got := findings(t, dir, stdout); code != 0 || len(got) != 0 {
		t.Errorf("after the fixes, sigtermcheck reports (exit %d):\n%s%s", code, strings.Join(got, "\n"), stderr)
	}
}
