package rollout_test

// The fixes of sigtermcheck, proven by a rollout (issue 10, item 2):
// every buggy example and every net/http program with a fix golden drops
// requests as it is, and none once sigtermcheck -fix has rewritten it,
// exiting on its own within the grace period.

import (
	"bytes"
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigtermcheck/sigtermcheck/internal/testenv"
	"github.com/sigtermcheck/sigtermcheck/rollout"
)

// depsModule is the module path of the temporary modules that hold the
// programs under test: the testdata programs import the testdata
// packages under testdata/src/deps as "deps/...", so the module's own
// packages are named so.
const depsModule = "deps"

// outlivesGracePeriod are the programs that, fixed, drop nothing but do
// not exit on their own, and why: SIGKILL ends them at the end of the
// grace period with nothing in flight. The test asserts exactly that.
var outlivesGracePeriod = map[string]string{
	"testdata/shutdownwithoutdelay/relayhelper": "after draining, main waits for a second signal, which Kubernetes never sends",
}

// extraFiles are files added to programs so that their bug shows to
// clients, by program.
var extraFiles = map[string]map[string]string{
	// Its servers have no handler of their own; a cancelled request
	// context shows only to a handler that respects it.
	"testdata/requestcontext/basecontext": {"rollout_handler.go": contextHandler},
}

// contextHandler is a handler that respects its request's context, as a
// handler querying a database does.
const contextHandler = `package main

import (
	"context"
	"net/http"
	"time"
)

func init() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
			http.Error(w, context.Cause(r.Context()).Error(), http.StatusServiceUnavailable)
		case <-time.After(5 * time.Millisecond): // the query
		}
	})
}
`

// notRunnable are the net/http programs with a fix golden whose rollout
// would tell nothing, and why; the test logs them.
var notRunnable = map[string]string{
	"testdata/missingsigterm/rewrite/iferr": "serves TLS with a cert.pem and key.pem it does not have: it exits at once, fixed or not",
	"testdata/exitinhandler/waitforms": "four goroutines race for one signal channel and others wait in other ways, each to exit: " +
		"which ends the program is chance, and so is its rollout (fixed, it drops all or nothing from run to run)",
}

// longerUploads are the upload durations, at timeScale, that programs
// need for their bug to show, by program.
var longerUploads = map[string]time.Duration{
	// Its 17s delay leaves 3s of the drain's 20s deadline: uploads of 2s
	// would drain in time.
	"testdata/shutdowncontextdone/deadlineeaten": 5 * time.Second / timeScale,
}

// quickRollout is, timeScale times faster, a rollout of 3s of traffic,
// SIGTERM, 5s of propagation and SIGKILL at the end of the 30s grace
// period, with uploads of 2s; five clients of each kind, with 20ms
// between requests.
var quickRollout = rollout.Config{
	Warmup:         3 * time.Second / timeScale,
	Window:         5 * time.Second / timeScale,
	GracePeriod:    30 * time.Second / timeScale,
	SlowDuration:   2 * time.Second / timeScale,
	Clients:        5,
	Interval:       20 * time.Millisecond,
	RequestTimeout: 20 * time.Second / timeScale,
}

// A program is a program under test.
type program struct {
	name  string // its path from the module root, with testdata/src as testdata
	src   string // its directory
	buggy bool
	fixed bool   // whether sigtermcheck -fix changed it
	pkg   string // its directory in the temporary modules
	port  int    // where it serves what the harness requests
}

// programs returns the programs under test: the examples, and the
// net/http programs of the fix goldens (not those of frameworks, whose
// testdata are stubs, nor those in notRunnable).
func programs(t *testing.T, root string) []*program {
	t.Helper()
	var progs []*program
	examples, err := filepath.Glob(filepath.Join(root, "examples", "*", "main.go"))
	if err != nil || len(examples) == 0 {
		t.Fatalf("no examples under %s: %v", root, err)
	}
	for _, f := range examples {
		name := filepath.Base(filepath.Dir(f))
		progs = append(progs, &program{name: "examples/" + name, src: filepath.Dir(f), buggy: name != "graceful"})
	}
	srcRoot := filepath.Join(root, "testdata", "src")
	seen := make(map[string]bool)
	err = filepath.WalkDir(srcRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".go.golden") || seen[filepath.Dir(path)] {
			return err
		}
		dir := filepath.Dir(path)
		seen[dir] = true
		rel, _ := filepath.Rel(srcRoot, dir)
		name := "testdata/" + filepath.ToSlash(rel)
		if slices.Contains(strings.Split(rel, string(filepath.Separator)), "frameworks") || notRunnable[name] != "" {
			return nil
		}
		progs = append(progs, &program{name: name, src: dir, buggy: true})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range progs {
		p.pkg = "prog/" + strings.NewReplacer("/", "_").Replace(p.name)
	}
	return progs
}

// writeModule writes a module holding the programs and the testdata
// packages they import: those under testdata/src/deps as packages of
// the module, which is named so, and the others (functional stubs with
// the real signatures, such as errgroup's and oklog/run's) as modules of
// their own that the module's go.mod replaces with their directory.
func writeModule(t *testing.T, dir, root string, progs []*program) {
	t.Helper()
	srcRoot := filepath.Join(root, "testdata", "src")
	var queue []string // import paths to resolve
	for _, p := range progs {
		for _, f := range goFiles(t, p.src) {
			b, err := os.ReadFile(filepath.Join(p.src, f))
			if err != nil {
				t.Fatal(err)
			}
			testenv.WriteFile(t, dir, p.pkg+"/"+f, string(b))
		}
		for f, content := range extraFiles[p.name] {
			testenv.WriteFile(t, dir, p.pkg+"/"+f, content)
		}
		queue = append(queue, imports(t, p.src)...)
	}
	gomod := "module " + depsModule + "\n\ngo 1.26\n"
	seen := make(map[string]bool)
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		if isStd(path) {
			continue
		}
		ours := strings.HasPrefix(path, depsModule+"/")
		mod, local := stubModule(path), "stubs/"+stubModule(path)
		if ours {
			mod, local = path, strings.TrimPrefix(path, depsModule+"/")
		}
		if seen[mod] {
			continue
		}
		seen[mod] = true
		src := filepath.Join(srcRoot, filepath.FromSlash(mod))
		testenv.CopyDir(t, filepath.Join(dir, filepath.FromSlash(local)), src)
		if !ours {
			testenv.WriteFile(t, dir, local+"/go.mod", "module "+mod+"\n\ngo 1.26\n")
			gomod += fmt.Sprintf("\nrequire %s v0.0.0\n\nreplace %s => ./%s\n", mod, mod, local)
		}
		queue = append(queue, importsUnder(t, src)...)
	}
	testenv.WriteFile(t, dir, "go.mod", gomod)
}

// stubModule returns the module of a package stubbed under testdata/src:
// github.com/owner/repo and golang.org/x/repo, or host/repo elsewhere.
func stubModule(path string) string {
	elems := strings.Split(path, "/")
	n := 2
	if elems[0] == "github.com" || elems[0] == "golang.org" {
		n = 3
	}
	return strings.Join(elems[:min(n, len(elems))], "/")
}

// imports returns the import paths of the Go files in dir.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	fset := token.NewFileSet()
	for _, f := range goFiles(t, dir) {
		file, err := parser.ParseFile(fset, filepath.Join(dir, f), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			paths = append(paths, path)
		}
	}
	return paths
}

// importsUnder returns the import paths of the Go files in the tree dir.
func importsUnder(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if files, _ := filepath.Glob(filepath.Join(path, "*.go")); len(files) > 0 {
				paths = append(paths, imports(t, path)...)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// sameFiles reports whether the Go files of the directories a and b are
// the same.
func sameFiles(t *testing.T, a, b string) bool {
	t.Helper()
	files := goFiles(t, a)
	if !slices.Equal(files, goFiles(t, b)) {
		return false
	}
	for _, f := range files {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

// goFiles returns the names of the Go files of the package in dir.
func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	return files
}

// run runs a command in dir and returns its combined output and exit
// code, failing the test if it cannot run at all.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = testenv.Env("GOFLAGS=", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); ok {
		return string(out), exit.ExitCode()
	}
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out), 0
}

func TestFixesSurviveRollout(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("the rollout test finds the programs' listeners in /proc, which %s does not have", runtime.GOOS)
	}
	start := time.Now()
	root := testenv.RepoRoot(t)
	tmp := t.TempDir()
	progs := programs(t, root)
	var names []string
	for _, p := range progs {
		names = append(names, p.name)
	}
	t.Logf("%d programs: %s", len(progs), strings.Join(names, " "))
	for _, name := range slices.Sorted(maps.Keys(notRunnable)) {
		t.Logf("not run: %s: %s", name, notRunnable[name])
	}

	// The programs as they are, and as sigtermcheck -fix leaves them, with
	// the default settings that users get.
	before, after := filepath.Join(tmp, "before"), filepath.Join(tmp, "after")
	writeModule(t, before, root, progs)
	writeModule(t, after, root, progs)
	sigtermcheck := filepath.Join(tmp, "sigtermcheck")
	if out, code := run(t, root, "go", "build", "-o", sigtermcheck, "./cmd/sigtermcheck"); code != 0 {
		t.Fatalf("building sigtermcheck: %s", out)
	}
	if out, code := run(t, after, sigtermcheck, "-fix", "./..."); code != 0 && code != 3 {
		t.Fatalf("sigtermcheck -fix: exit %d\n%s", code, out)
	}

	for _, p := range progs {
		p.fixed = !sameFiles(t, filepath.Join(before, p.pkg), filepath.Join(after, p.pkg))
	}

	ports := make(map[string]int)
	taken := make(map[int]bool)
	for _, p := range progs {
		p.port = freePort(t, taken)
		ports[p.pkg] = p.port
	}
	for _, mod := range []string{before, after} {
		rewriteModule(t, mod, ports)
		if out, code := run(t, mod, "go", "build", "-ldflags=-s -w", "-o", filepath.Join(mod, "bin")+"/", "./prog/..."); code != 0 {
			t.Fatalf("building the programs in %s: %s", mod, out)
		}
	}
	t.Logf("programs fixed, rewritten and built in %v", time.Since(start).Round(time.Second))

	// Programs mostly sleep through a rollout: run concurrentRollouts at a
	// time, each on its own port, then check each in a subtest.
	results := make([]rollouts, len(progs))
	sem := make(chan struct{}, concurrentRollouts)
	var wg sync.WaitGroup
	for i, p := range progs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			bin := func(mod string) string { return filepath.Join(mod, "bin", filepath.Base(p.pkg)) }
			results[i] = runRollouts(t.Context(), p, bin(before), bin(after))
		})
	}
	wg.Wait()
	for i, p := range progs {
		t.Run(p.name, func(t *testing.T) { checkRollouts(t, p, &results[i]) })
	}
}

// concurrentRollouts is how many programs go through their rollouts at a
// time.
const concurrentRollouts = 4

// rollouts are the rollouts of a program: as it is (a second time if a
// buggy program dropped nothing), and fixed.
type rollouts struct {
	before []*rollout.Report
	after  *rollout.Report
	err    error
}

// runRollouts runs the rollouts of the program p, built as before and
// after.
func runRollouts(ctx context.Context, p *program, before, after string) rollouts {
	var rs rollouts
	for range 2 {
		r, err := rolloutOf(ctx, p, before)
		if err != nil {
			return rollouts{err: err}
		}
		rs.before = append(rs.before, r)
		// Some buggy programs race with themselves (fataldrain's log.Fatal
		// against its own drain); a busy machine may let the drain win.
		if !p.buggy || r.Dropped() > 0 {
			break
		}
	}
	if p.buggy {
		rs.after, rs.err = rolloutOf(ctx, p, after)
	}
	return rs
}

// rolloutOf runs the program binary through quickRollout.
func rolloutOf(ctx context.Context, p *program, binary string) (*rollout.Report, error) {
	cfg := quickRollout
	cfg.Binary = binary
	cfg.Addr = fmt.Sprintf("127.0.0.1:%d", p.port)
	if d, ok := longerUploads[p.name]; ok {
		cfg.SlowDuration = d
	}
	return rollout.Run(ctx, cfg)
}

// checkRollouts checks the rollouts of the program p: requests flowed
// before the signal; a buggy program drops requests as it is and none
// once fixed, exiting on its own within the grace period; a correct
// program drops none.
func checkRollouts(t *testing.T, p *program, rs *rollouts) {
	if rs.err != nil {
		t.Fatal(rs.err)
	}
	for _, r := range append(slices.Clip(rs.before), rs.after) {
		if r != nil && r.Phases[rollout.Before][rollout.OK] == 0 {
			t.Errorf("no request succeeded before the signal:\n%v%s", r, errorsOf(r))
		}
	}
	for _, r := range rs.before {
		t.Logf("as it is:\n%v%s", r, errorsOf(r))
	}
	r := rs.before[len(rs.before)-1]
	if !p.buggy {
		if r.Dropped() > 0 || r.Killed {
			t.Errorf("the correct program drops requests or is killed:\n%v%s\n%s", r, errorsOf(r), r.Output)
		}
		return
	}
	if r.Dropped() == 0 {
		t.Errorf("as it is, the program drops no request, twice: the rollout cannot tell whether the fix works\n%v", r)
	}
	if !p.fixed {
		t.Log("sigtermcheck -fix changed nothing")
	}
	r = rs.after
	t.Logf("after sigtermcheck -fix:\n%v%s", r, errorsOf(r))
	if why, ok := outlivesGracePeriod[p.name]; ok {
		if r.Dropped() > 0 || !r.Killed {
			t.Errorf("no longer drops nothing and is killed: remove it from outlivesGracePeriod (%s)\n%v", why, r)
		}
		return
	}
	if r.Dropped() > 0 || r.Killed {
		t.Errorf("the fixed program drops requests or is killed:\n%v%s\n%s", r, errorsOf(r), r.Output)
	}
}

// errorsOf returns the first error of each outcome of r, one a line.
func errorsOf(r *rollout.Report) string {
	var b strings.Builder
	for o, e := range r.Errors {
		if e != "" {
			fmt.Fprintf(&b, "%v: %s\n", rollout.Outcome(o), e)
		}
	}
	return b.String()
}
