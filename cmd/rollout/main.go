// Command rollout shows what sigtermcheck's fixes change for a server's
// clients: it runs a main package through a simulated Kubernetes rolling
// update as it is, then again after sigtermcheck -fix, and prints, for
// each, the requests refused, reset or cut before SIGTERM, in the load
// balancers' propagation window and after it, the exit status and the
// time to exit.
//
//	go run ./cmd/rollout ./examples/hello
//
// The package is copied into a temporary module of its own, so it must be
// self-contained (import only the standard library), as the examples
// are; test your own service with the rollout package from a Go test. Run
// it from a clone of sigtermcheck, or name a sigtermcheck binary with
// -sigtermcheck.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sigtermcheck/sigtermcheck/rollout"
)

// options are the command's settings.
type options struct {
	rollout      rollout.Config // the rollout's durations and address
	sigtermcheck string         // the sigtermcheck binary; built when empty
	fixFlags     []string       // more flags for sigtermcheck -fix
}

func main() {
	var opts options
	flag.DurationVar(&opts.rollout.Window, "window", 5*time.Second, "how long new connections keep arriving after SIGTERM (the load balancers' lag)")
	flag.DurationVar(&opts.rollout.GracePeriod, "grace-period", 30*time.Second, "when SIGKILL follows SIGTERM (terminationGracePeriodSeconds)")
	flag.DurationVar(&opts.rollout.Warmup, "warmup", time.Second, "how long traffic runs before SIGTERM")
	flag.StringVar(&opts.rollout.Addr, "addr", "", "the loopback address to send requests to (default: the one port the program listens on)")
	flag.StringVar(&opts.sigtermcheck, "sigtermcheck", "", "the sigtermcheck binary (default: build it from the module in the current directory)")
	fixFlags := flag.String("fix-flags", "", "more flags for sigtermcheck -fix, such as \"-delay=6s\"")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: rollout [flags] <directory of a main package>\n\n")
		fmt.Fprintf(os.Stderr, "Runs the program through a simulated rolling update, as it is and after\nsigtermcheck -fix, and prints what its clients saw.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	opts.fixFlags = strings.Fields(*fixFlags)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ok, err := demo(ctx, os.Stdout, flag.Arg(0), opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "rollout: %v\n", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

// demo runs the package in dir through a rollout as it is and, if
// sigtermcheck reports something, after sigtermcheck -fix; it prints
// sigtermcheck's reports and the rollouts' to w, and reports whether the
// last program run dropped nothing and exited on its own.
func demo(ctx context.Context, w io.Writer, dir string, opts options) (bool, error) {
	files, err := sourceFiles(dir)
	if err != nil {
		return false, err
	}
	tmp, err := os.MkdirTemp("", "rollout-demo")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(tmp)
	before, after := filepath.Join(tmp, "before"), filepath.Join(tmp, "after")
	for _, mod := range []string{before, after} {
		if err := writeModule(mod, dir, files); err != nil {
			return false, err
		}
	}
	checker := opts.sigtermcheck
	if checker == "" {
		checker = filepath.Join(tmp, "sigtermcheck")
		if out, err := command(ctx, "", "go", "build", "-o", checker, "github.com/sigtermcheck/sigtermcheck/cmd/sigtermcheck").CombinedOutput(); err != nil {
			return false, fmt.Errorf("building sigtermcheck (run from a clone of sigtermcheck, or set -sigtermcheck): %v\n%s", err, out)
		}
	}

	name := filepath.ToSlash(filepath.Clean(dir))
	runs := []struct{ title, dir string }{{name + ", as it is:", before}}
	reports, err := command(ctx, before, checker, "./...").CombinedOutput()
	switch code := exitCode(err); {
	case err == nil:
		reports = []byte("(nothing to report, nothing to fix)")
	case code == 3:
		if out, err := command(ctx, after, checker, append(opts.fixFlags, "-fix", "./...")...).CombinedOutput(); err != nil && exitCode(err) != 3 {
			return false, fmt.Errorf("sigtermcheck -fix: %v\n%s", err, out)
		}
		runs = append(runs, struct{ title, dir string }{name + ", after sigtermcheck -fix:", after})
	default:
		return false, fmt.Errorf("sigtermcheck: %v\n%s", err, reports)
	}
	fmt.Fprintf(w, "$ sigtermcheck ./%s\n%s\n\n", name, indent(string(reports)))

	cfg := opts.rollout
	fmt.Fprintf(w, "Rollout: %v of traffic, SIGTERM, new connections for %v more (the load balancers' lag), SIGKILL %v after SIGTERM.\n\n", cfg.Warmup, cfg.Window, cfg.GracePeriod)
	var last *rollout.Report
	for _, run := range runs {
		cfg.Package, cfg.Dir = ".", run.dir
		r, err := rollout.Run(ctx, cfg)
		if err != nil {
			return false, err
		}
		fmt.Fprintf(w, "%s\n%s\n\n", run.title, indent(r.String()))
		last = r
	}
	return last.Dropped() == 0 && !last.Killed, nil
}

// sourceFiles returns the Go files of the main package in dir, and an
// error if it imports anything beyond the standard library.
func sourceFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var names []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			return nil, err
		}
		if ast.Name.Name != "main" {
			return nil, fmt.Errorf("%s is package %s, not a program", f, ast.Name.Name)
		}
		for _, imp := range ast.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
				return nil, fmt.Errorf("%s imports %s: the demo runs self-contained programs such as the examples; test your own service with the rollout package", f, path)
			}
		}
		names = append(names, filepath.Base(f))
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	return names, nil
}

// writeModule writes a module in dir holding the files of the package in
// src.
func writeModule(dir, src string, files []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module rollout.example/demo\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// command returns the command name args, run in dir, outside any go.work.
func command(ctx context.Context, dir, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	return cmd
}

// exitCode returns the exit code of a command that failed with err, or -1.
func exitCode(err error) int {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	return -1
}

// indent indents each line of s by two spaces.
func indent(s string) string {
	var b bytes.Buffer
	for line := range strings.Lines(strings.TrimRight(s, "\n")) {
		b.WriteString("  " + line)
	}
	return b.String()
}
