package rollout_test

// Rewriting the programs under test for a short rollout on the loopback
// interface: their constant durations run timeScale times faster, and
// their listeners are bound to 127.0.0.1.

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/sigtermcheck/sigtermcheck/internal/testenv"
)

// timeScale is how much faster than real time the programs under test
// run: every constant time.Duration in them, their own and those the
// fixes insert, is divided by it, and so are the harness's settings. The
// ratios that decide whether requests survive (the delay against the
// load balancers' lag, the drain's deadline against the delay, the sum
// against the grace period) are those of real time.
const timeScale = 10

// mainPort is the address of the server the harness is pointed at, in
// every program under test: each program gets a port of its own for it.
const mainPort = ":8080"

// An edit replaces the bytes [start, end) of a file.
type edit struct {
	start, end int
	text       string
}

// rewriteModule rewrites the Go files of the module in dir: every
// constant time.Duration expression is divided by timeScale (a constant
// declared in the module is divided where it is declared, not where it
// is used), the address mainPort becomes 127.0.0.1 and the port that
// ports gives the program's directory (relative to dir), and any other
// ":port" becomes 127.0.0.1:0.
func rewriteModule(t *testing.T, dir string, ports map[string]int) {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:  dir,
		Env:  testenv.Env("GOFLAGS=", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("the programs under %s do not type-check", dir)
	}
	for _, pkg := range pkgs {
		rel, err := filepath.Rel(dir, filepath.Dir(pkg.GoFiles[0]))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range pkg.Syntax {
			name := pkg.Fset.File(f.Pos()).Name()
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			edits, err := durationEdits(pkg, f)
			if err != nil {
				t.Fatal(err)
			}
			edits = append(edits, addressEdits(pkg.Fset, f, ports[filepath.ToSlash(rel)])...)
			if err := os.WriteFile(name, applyEdits(src, edits), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// durationEdits returns the edits that divide the constant durations of f
// by timeScale: each constant time.Duration expression that uses no
// constant of the module. A use of such a constant alone is left as it
// is, since the constant is divided where it is declared; a constant
// expression that combines one with other terms is an error, since
// dividing it whole would divide that constant twice.
func durationEdits(pkg *packages.Package, f *ast.File) ([]edit, error) {
	var edits []edit
	var err error
	ast.Inspect(f, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok || err != nil {
			return err == nil
		}
		tv, ok := pkg.TypesInfo.Types[e]
		if !ok || tv.Value == nil || !isDuration(tv.Type) {
			return true
		}
		switch usesModuleConst(pkg, e) {
		case usesNone:
			start, end := pkg.Fset.Position(e.Pos()).Offset, pkg.Fset.Position(e.End()).Offset
			edits = append(edits, edit{start, start, "(("}, edit{end, end, fmt.Sprintf(")/%d)", timeScale)})
		case usesCombined:
			err = fmt.Errorf("%v: cannot scale %s: it combines a constant of the module with other terms", pkg.Fset.Position(e.Pos()), types.ExprString(e))
		}
		return false
	})
	return edits, err
}

// isDuration reports whether t is time.Duration.
func isDuration(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "time" && named.Obj().Name() == "Duration"
}

// How a constant expression uses the module's own constants.
const (
	usesNone     = iota
	usesAlone    // the expression is one such constant
	usesCombined // with other terms
)

// usesModuleConst reports how e uses constants declared outside the
// standard library, that is in the module being rewritten.
func usesModuleConst(pkg *packages.Package, e ast.Expr) int {
	isModuleConst := func(id *ast.Ident) bool {
		c, ok := pkg.TypesInfo.Uses[id].(*types.Const)
		return ok && c.Pkg() != nil && !isStd(c.Pkg().Path())
	}
	switch x := e.(type) {
	case *ast.Ident:
		if isModuleConst(x) {
			return usesAlone
		}
	case *ast.SelectorExpr:
		if isModuleConst(x.Sel) {
			return usesAlone
		}
	}
	uses := usesNone
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && isModuleConst(id) {
			uses = usesCombined
		}
		return uses == usesNone
	})
	return uses
}

// isStd reports whether path is a standard library package: one whose
// first element has no dot, other than this test's modules' "deps".
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && first != depsModule
}

var portLiteral = regexp.MustCompile(`^:[0-9]+$`)

// addressEdits returns the edits that bind the listeners of f to
// 127.0.0.1: mainPort to port, others to a port the system picks.
func addressEdits(fset *token.FileSet, f *ast.File, port int) []edit {
	var edits []edit
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil || !portLiteral.MatchString(s) {
			return true
		}
		addr := "127.0.0.1:0"
		if s == mainPort {
			addr = fmt.Sprintf("127.0.0.1:%d", port)
		}
		start, end := fset.Position(lit.Pos()).Offset, fset.Position(lit.End()).Offset
		edits = append(edits, edit{start, end, strconv.Quote(addr)})
		return true
	})
	return edits
}

// applyEdits applies non-overlapping edits to src.
func applyEdits(src []byte, edits []edit) []byte {
	slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		out.Write(src[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(src[at:])
	return out.Bytes()
}

// freePort returns a loopback port that nothing listens on and that is
// not taken, and takes it. It is below the system's range of ephemeral
// ports, so that no client connection of the harness takes it before
// the program under test binds it.
func freePort(t *testing.T, taken map[int]bool) int {
	t.Helper()
	low := 32768
	if b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range"); err == nil {
		if f := strings.Fields(string(b)); len(f) == 2 {
			if n, err := strconv.Atoi(f[0]); err == nil {
				low = n
			}
		}
	}
	const from = 20000
	if low <= from+1000 {
		t.Fatalf("the ephemeral port range starts at %d: no room below it for the programs' ports", low)
	}
	for range 100 {
		port := from + rand.IntN(low-from)
		if taken[port] {
			continue
		}
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			l.Close()
			taken[port] = true
			return port
		}
	}
	t.Fatal("no free port found in 100 tries")
	return 0
}

func TestRewrite(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, dir, "go.mod", "module "+depsModule+"\n\ngo 1.26\n")
	testenv.WriteFile(t, dir, "lib/lib.go", `package lib

import "time"

// Delay is divided here, not where it is used.
const Delay = 15 * time.Second
`)
	testenv.WriteFile(t, dir, "prog/main.go", `package main

import (
	"context"
	"net/http"
	"os"
	"deps/lib"
	t "time"
)

const local = 2 * t.Minute

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10e9)
	defer cancel()
	t.Sleep(lib.Delay)
	t.Sleep(local)
	t.Sleep(t.Second + 500*t.Millisecond)
	t.Sleep(t.Duration(len(os.Args)) * t.Second)
	go http.ListenAndServe(":9090", nil)
	http.ListenAndServe(":8080", nil)
	_ = ctx
}
`)
	rewriteModule(t, dir, map[string]int{"prog": 23456})
	got, err := os.ReadFile(filepath.Join(dir, "prog/main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"const local = ((2 * t.Minute)/10)",
		"context.WithTimeout(context.Background(), ((10e9)/10))",
		"t.Sleep(lib.Delay)",
		"t.Sleep(local)",
		"t.Sleep(((t.Second + 500*t.Millisecond)/10))",
		"t.Sleep(t.Duration(len(os.Args)) * ((t.Second)/10))", // only the constant part
		`go http.ListenAndServe("127.0.0.1:0", nil)`,
		`http.ListenAndServe("127.0.0.1:23456", nil)`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("rewritten program lacks %q:\n%s", want, got)
		}
	}
	lib, err := os.ReadFile(filepath.Join(dir, "lib/lib.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "const Delay = ((15 * time.Second)/10)"; !strings.Contains(string(lib), want) {
		t.Errorf("rewritten library lacks %q:\n%s", want, lib)
	}
}
