package analyzer_test

// Suggested fixes that people apply without fear (SPEC section 6). The
// tests in this file look at every .golden file under testdata/src,
// whichever test produced it, so that a new golden is covered the day it
// lands:
//
//   - TestGoldensFormatted: every golden is gofmt-clean.
//   - TestGoldensCompile: with every golden in place of its file, the
//     packages build and go vet finds nothing that the original did not
//     already have.
//   - TestFixesIdempotent: run again on the goldens, the analyzer reports
//     nothing more of the check that was fixed (only its reports that
//     offered no fix remain, anywhere, so none on the fixed lines) and
//     offers no further fix of it; and the fix brought no report of
//     another check that the original did not have.
//   - TestNothingLostByFixes: every comment, import, declaration and
//     statement of the original is still in its golden, verbatim or
//     changed in one of the documented ways of the check (rewrites).
//
// The check a golden holds fixes of is named by the first element of its
// directory under testdata/src: the check whose name without dashes is
// that element (missingsigterm: missing-sigterm), or failing that the one
// check whose name it is a prefix of (requestcontext:
// request-context-cancelled).

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// A golden is a testdata file together with its .golden file, which holds
// the file with the suggested fixes applied.
type golden struct {
	pkg   string // import path under testdata/src, such as "closeinsteadofshutdown/close"
	file  string // name of the .go file, such as "main.go"
	check string // the check whose fixes the golden holds
}

func (g golden) rel() string  { return g.pkg + "/" + g.file }
func (g golden) orig() string { return filepath.Join(testdata, "src", filepath.FromSlash(g.rel())) }
func (g golden) path() string { return g.orig() + ".golden" }

// findGoldens returns every golden under testdata/src.
func findGoldens(t *testing.T) []golden {
	t.Helper()
	src := filepath.Join(testdata, "src")
	var gs []golden
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go.golden") {
			return err
		}
		rel, err := filepath.Rel(src, strings.TrimSuffix(p, ".golden"))
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		check, err := checkOfDir(rel)
		if err != nil {
			return err
		}
		gs = append(gs, golden{pkg: path.Dir(rel), file: path.Base(rel), check: check})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) == 0 {
		t.Fatalf("no .go.golden file under %s", src)
	}
	return gs
}

// checkOfDir returns the check that the testdata file rel (relative to
// testdata/src) tests, from the first element of its path.
func checkOfDir(rel string) (string, error) {
	dir, _, _ := strings.Cut(rel, "/")
	var prefixOf []string
	for _, name := range analyzer.CheckNames() {
		bare := strings.ReplaceAll(name, "-", "")
		if bare == dir {
			return name, nil
		}
		if strings.HasPrefix(bare, dir) {
			prefixOf = append(prefixOf, name)
		}
	}
	if len(prefixOf) == 1 {
		return prefixOf[0], nil
	}
	return "", fmt.Errorf("%s: cannot tell which check testdata/src/%s tests: name the directory after a check without its dashes (%s)",
		rel, dir, strings.Join(analyzer.CheckNames(), ", "))
}

// goldenPackages returns the import paths of the packages with goldens.
func goldenPackages(gs []golden) []string {
	var pkgs []string
	for _, g := range gs {
		pkgs = append(pkgs, g.pkg)
	}
	slices.Sort(pkgs)
	return slices.Compact(pkgs)
}

// goldensOf names the goldens of package pkg, for messages.
func goldensOf(gs []golden, pkg string) string {
	var names []string
	for _, g := range gs {
		if g.pkg == pkg {
			names = append(names, "testdata/src/"+g.rel()+".golden")
		}
	}
	return strings.Join(names, ", ")
}

// fixedTree returns the root of a new GOPATH tree holding a copy of
// testdata/src in which every golden replaces its file.
func fixedTree(t *testing.T, gs []golden) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(filepath.Join(root, "src"), os.DirFS(filepath.Join(testdata, "src"))); err != nil {
		t.Fatal(err)
	}
	for _, g := range gs {
		b, err := os.ReadFile(g.path())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "src", filepath.FromSlash(g.rel())), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// gopathEnv is the environment of a go command in GOPATH mode on root.
func gopathEnv(root string) []string {
	return append(os.Environ(), "GO111MODULE=off", "GOPATH="+root, "GOFLAGS=", "GOWORK=off", "GOPROXY=off")
}

func TestGoldensFormatted(t *testing.T) {
	t.Parallel()
	for _, g := range findGoldens(t) {
		b, err := os.ReadFile(g.path())
		if err != nil {
			t.Fatal(err)
		}
		formatted, err := format.Source(b)
		if err != nil {
			t.Errorf("testdata/src/%s.golden does not parse: %v", g.rel(), err)
		} else if !bytes.Equal(formatted, b) {
			t.Errorf("testdata/src/%s.golden is not gofmt-clean", g.rel())
		}
	}
}

// vetLine is a position line of go vet's output: a type error or a finding.
var vetLine = regexp.MustCompile(`(?m)^(?:vet: )?(\S+\.go):\d+:\d+: (.*)$`)

// goVet runs go vet in GOPATH mode on pkgs of the tree at root and
// returns its findings (and type errors) as "file: message" (without
// line and column, which fixes move), its output, and whether it failed.
// err is set only when the go command could not be run.
func goVet(root string, pkgs []string) (found map[string]int, out string, failed bool, err error) {
	cmd := exec.Command("go", append([]string{"vet"}, pkgs...)...)
	cmd.Dir = filepath.Join(root, "src")
	cmd.Env = gopathEnv(root)
	b, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); ok {
		failed, err = true, nil
	}
	found = make(map[string]int)
	for _, m := range vetLine.FindAllStringSubmatch(string(b), -1) {
		found[filepath.ToSlash(m[1])+": "+m[2]]++
	}
	return found, string(b), failed, err
}

func TestGoldensCompile(t *testing.T) {
	t.Parallel()
	gs := findGoldens(t)
	pkgs := goldenPackages(gs)

	// go vet type-checks each package, then runs its analyzers. Some
	// originals carry vet findings on purpose (a discarded cancel
	// function); only what the fixes add counts.
	var before map[string]int
	var beforeOut string
	var beforeFailed bool
	var beforeErr error
	var wg sync.WaitGroup
	wg.Go(func() { before, beforeOut, beforeFailed, beforeErr = goVet(testdata, pkgs) })
	after, out, failed, err := goVet(fixedTree(t, gs), pkgs)
	wg.Wait()
	if err != nil || beforeErr != nil {
		t.Fatalf("go vet: %v", errors.Join(err, beforeErr))
	}
	if beforeFailed && len(before) == 0 {
		t.Fatalf("go vet on the originals failed without naming a file:\n%s", beforeOut)
	}

	added := false
	for _, finding := range slices.Sorted(maps.Keys(after)) {
		if after[finding] <= before[finding] {
			continue
		}
		added = true
		file, _, _ := strings.Cut(finding, ": ")
		where := goldensOf(gs, path.Dir(file))
		if slices.ContainsFunc(gs, func(g golden) bool { return g.rel() == file }) {
			where = "testdata/src/" + file + ".golden"
		}
		t.Errorf("%s does not compile or vet: %s", where, finding)
	}
	if failed && !beforeFailed && !added {
		t.Errorf("go vet fails on the goldens, not on the originals:\n%s", out)
	}
}

// A report is a diagnostic made comparable across the original and the
// fixed code, whose positions differ.
type report struct {
	category, message string
	posn              string // relative to the tree's src, for messages
	fixes             int
}

func (r report) key() string { return r.category + ": " + r.message }

// analyze loads pkgs from the GOPATH tree at root and runs sigtermcheck
// with every check on them. It returns each package's reports, or the
// error that kept it from being analyzed.
func analyze(root string, pkgs []string) (map[string][]report, map[string]error, error) {
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(root, "src"),
		Env:  gopathEnv(root),
	}
	loaded, err := packages.Load(cfg, pkgs...)
	if err != nil {
		return nil, nil, err
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New()}, loaded, nil)
	if err != nil {
		return nil, nil, err
	}
	reports := make(map[string][]report)
	errs := make(map[string]error)
	for _, act := range graph.Roots {
		pkg := act.Package.PkgPath
		if act.Err != nil {
			var perrs []error
			for _, e := range act.Package.Errors {
				perrs = append(perrs, e)
			}
			errs[pkg] = errors.Join(append([]error{act.Err}, perrs...)...)
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			posn.Filename = strings.TrimPrefix(filepath.ToSlash(posn.Filename), filepath.ToSlash(root)+"/src/")
			reports[pkg] = append(reports[pkg], report{d.Category, d.Message, posn.String(), len(d.SuggestedFixes)})
		}
	}
	return reports, errs, nil
}

func TestFixesIdempotent(t *testing.T) {
	t.Parallel()
	gs := findGoldens(t)
	pkgs := goldenPackages(gs)
	root := fixedTree(t, gs)

	var before map[string][]report
	var beforeErrs map[string]error
	var beforeErr error
	var wg sync.WaitGroup
	wg.Go(func() { before, beforeErrs, beforeErr = analyze(testdata, pkgs) })
	after, afterErrs, err := analyze(root, pkgs)
	wg.Wait()
	if beforeErr != nil {
		t.Fatalf("analyzing the originals: %v", beforeErr)
	}
	if err != nil {
		t.Fatalf("analyzing the goldens: %v", err)
	}

	for _, pkg := range pkgs {
		check, _ := checkOfDir(pkg)
		if err := beforeErrs[pkg]; err != nil {
			t.Errorf("%s: cannot analyze the original: %v", pkg, err)
			continue
		}
		if err := afterErrs[pkg]; err != nil {
			t.Errorf("%s: cannot analyze the fixed code: %v", goldensOf(gs, pkg), err)
			continue
		}

		// What may remain after the fixes: every report of another
		// check, and the reports of this check that offered no fix.
		remain := make(map[string]int)
		fixed := 0
		for _, r := range before[pkg] {
			if r.category == check && r.fixes > 0 {
				fixed++
				continue
			}
			remain[r.key()]++
		}
		if fixed == 0 {
			t.Errorf("%s: the original has no %s report with a fix, yet %s exists", pkg, check, goldensOf(gs, pkg))
		}
		for _, r := range after[pkg] {
			switch {
			case r.category == check && r.fixes > 0:
				t.Errorf("%s: the fixed code is offered a further fix: %s: %s", pkg, r.posn, r.message)
			case remain[r.key()] > 0:
				remain[r.key()]--
			case r.category == check:
				t.Errorf("%s: still reported after its fix: %s: %s: %s", pkg, r.posn, r.category, r.message)
			default:
				// Even on code the fix did not write: go vet -fix applies
				// every fix at once, and a fix that leaves the program
				// with a new problem (another server now dies when the
				// fixed one drains) is not one to apply without fear.
				t.Errorf("%s: the %s fix brought a new report: %s: %s: %s", pkg, check, r.posn, r.category, r.message)
			}
		}
	}
}

// Nothing lost.
//
// Statements are compared by their canonical text: their tokens without
// white space, comments and trailing commas, with the body of every
// function literal in them elided (its statements are compared on their
// own). A statement of the original must appear in the golden with the
// same text, or changed by one rewrite of the golden's check. Statements
// the golden adds are fine: fixes insert statements.

// A srcFile is a parsed Go file and its source.
type srcFile struct {
	src   []byte
	fset  *token.FileSet
	tf    *token.File
	ast   *ast.File
	elide [][2]int // offsets of function literal bodies, in source order
}

func parseSrc(t *testing.T, name string) *srcFile {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	sf := &srcFile{src: src, fset: fset, tf: fset.File(f.Pos()), ast: f}
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			sf.elide = append(sf.elide, [2]int{sf.off(lit.Body.Pos()), sf.off(lit.Body.End())})
		}
		return true
	})
	return sf
}

func (f *srcFile) off(pos token.Pos) int { return f.tf.Offset(pos) }

// canon returns the canonical text of the source between from and to.
func (f *srcFile) canon(from, to token.Pos) string {
	start, end := f.off(from), f.off(to)
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, end-start), f.src[start:end], nil, 0)
	var b strings.Builder
	last := ""
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := start + fset.Position(pos).Offset
		if i := slices.IndexFunc(f.elide, func(r [2]int) bool { return r[0] == off && r[1] <= end }); i >= 0 {
			// A function literal's body: skip to its end.
			b.WriteString("{…}")
			last = "}"
			for off < f.elide[i][1]-1 {
				pos, tok, _ = s.Scan()
				if tok == token.EOF {
					break
				}
				off = start + fset.Position(pos).Offset
			}
			continue
		}
		text := tok.String()
		if lit != "" {
			text = lit
		}
		switch {
		case tok == token.SEMICOLON && lit == "\n":
			continue // inserted at a line end
		case (tok == token.RPAREN || tok == token.RBRACE || tok == token.RBRACK) && last == ",":
			// A trailing comma: drop it.
			s := b.String()
			b.Reset()
			b.WriteString(s[:len(s)-1])
		}
		b.WriteString(text)
		last = text
	}
	return b.String()
}

func (f *srcFile) canonNode(n ast.Node) string { return f.canon(n.Pos(), n.End()) }

// isLeafStmt reports whether s is a statement of the kinds that hold no
// other statement (but for function literals).
func isLeafStmt(s ast.Node) bool {
	switch s.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.ReturnStmt,
		*ast.SendStmt, *ast.IncDecStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	}
	return false
}

// ident matches a Go identifier.
const ident = `[\pL_][\pL\pN_]*`

// An alt is a way a piece of code may appear in the golden: a regular
// expression over canonical text, and a condition on the golden's
// statements (for rewrites that declare something the piece then uses).
type alt struct {
	re   string
	also func(golden []string) bool
}

// The rewrites: the documented ways in which a check's fix may change an
// existing statement. Everything else a fix does must be an insertion.
// At most one rewrite of each table applies to a statement.
//
// An exprRewrite changes one expression of a statement: given the
// expression (and the statement holding it), it returns the alt of the
// changed expression, or false if it does not apply.
type exprRewrite struct {
	check string
	doc   string
	apply func(f *srcFile, stmt ast.Stmt, e ast.Expr) (alt, bool)
}

var exprRewrites = []exprRewrite{
	{"close-instead-of-shutdown", "srv.Close() becomes srv.Shutdown(ctx), ctx a fresh timeout context", closeToShutdown},
	{"shutdown-context-done", "the argument of srv.Shutdown (or ShutdownWithContext) becomes a fresh timeout context", freshShutdownContext},
	{"missing-sigterm", "signal.Notify(c, sigs...) and signal.NotifyContext(ctx, sigs...) get a last argument syscall.SIGTERM", appendSIGTERM},
	{"missing-sigterm", "http.ListenAndServe(addr, h) becomes srv.ListenAndServe() on a new srv := &http.Server{Addr: addr, Handler: h}; so for ListenAndServeTLS, Serve and ServeTLS", startToMethod},
	{"exit-in-handler", "go http.ListenAndServe(addr, h) becomes go srv.ListenAndServe() on a new srv, as for missing-sigterm", startToMethod},
	{"request-context-cancelled", "return x becomes return context.WithoutCancel(x)", withoutCancel},
}

// A stmtRewrite reshapes an expression statement whose expression is
// call, one of whose expressions may also be changed by an exprRewrite
// (alts gives the ways a piece of the statement may appear). It returns
// the alts of the new statement.
type stmtRewrite struct {
	check string
	doc   string
	apply func(f *srcFile, call *ast.CallExpr, alts func(ast.Node) []alt) []alt
}

var stmtRewrites = []stmtRewrite{
	{"missing-sigterm", "a bare start(...) becomes err := start(...), the error then checked", startAssigned},
	{"missing-sigterm", "exit(start(...)) becomes if err := start(...); cond { exit(err) }", exitOnStartError},
	{"exit-before-drain", "exit(start(...)) becomes if err := start(...); cond { exit(err) }", exitOnStartError},
	{"exit-before-drain", "a bare start(...) in main becomes if err := start(...); cond { <-drained }", startThenWait},
}

func startThenWait(f *srcFile, call *ast.CallExpr, alts func(ast.Node) []alt) []alt {
	var out []alt
	for _, a := range alts(call) {
		out = append(out, alt{`if` + ident + `:=` + a.re + `;.*\{<-` + ident + `\}`, a.also})
	}
	return out
}

// returnRewrites reshape a return statement whose one result is call.
var returnRewrites = []stmtRewrite{
	{"exit-before-drain", "return start(...) becomes if err := start(...); cond { return err }, then waits for the drain", returnOnStartError},
}

func returnOnStartError(f *srcFile, call *ast.CallExpr, alts func(ast.Node) []alt) []alt {
	var out []alt
	for _, a := range alts(call) {
		out = append(out, alt{`if` + ident + `:=` + a.re + `;.*\{return` + ident + `\}`, a.also})
	}
	return out
}

func selectorCall(e ast.Expr) (*ast.CallExpr, *ast.SelectorExpr, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil, nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return call, sel, ok
}

func closeToShutdown(f *srcFile, _ ast.Stmt, e ast.Expr) (alt, bool) {
	call, sel, ok := selectorCall(e)
	if !ok || len(call.Args) != 0 {
		return alt{}, false
	}
	if sel.Sel.Name != "Close" {
		return alt{}, false // (gRPC's Stop is kept, as the bound of a GracefulStop)
	}
	return alt{re: regexp.QuoteMeta(f.canonNode(sel.X)) + `\.Shutdown\(` + ident + `\)`}, true
}

func freshShutdownContext(f *srcFile, _ ast.Stmt, e ast.Expr) (alt, bool) {
	call, sel, ok := selectorCall(e)
	if !ok || (sel.Sel.Name != "Shutdown" && sel.Sel.Name != "ShutdownWithContext") || len(call.Args) != 1 {
		return alt{}, false
	}
	return alt{re: regexp.QuoteMeta(f.canonNode(sel.X)) + `\.` + sel.Sel.Name + `\(` + ident + `\)`}, true
}

func appendSIGTERM(f *srcFile, _ ast.Stmt, e ast.Expr) (alt, bool) {
	call, sel, ok := selectorCall(e)
	if !ok || (sel.Sel.Name != "Notify" && sel.Sel.Name != "NotifyContext") {
		return alt{}, false
	}
	head := strings.TrimSuffix(f.canon(call.Pos(), call.Rparen), ",")
	return alt{re: regexp.QuoteMeta(head) + `,` + ident + `\.SIGTERM\)`}, true
}

// startParams names the parameters of net/http's server start functions
// that become fields of the http.Server; the method of the same name
// takes the others ("").
var startParams = map[string][]string{
	"ListenAndServe":    {"Addr", "Handler"},
	"ListenAndServeTLS": {"Addr", "", "", "Handler"},
	"Serve":             {"", "Handler"},
	"ServeTLS":          {"", "Handler", "", ""},
}

func startToMethod(f *srcFile, _ ast.Stmt, e ast.Expr) (alt, bool) {
	call, sel, ok := selectorCall(e)
	if !ok {
		return alt{}, false
	}
	params := startParams[sel.Sel.Name]
	if params == nil || len(call.Args) != len(params) {
		return alt{}, false
	}
	qual, ok := sel.X.(*ast.Ident)
	if !ok || !importsAs(f, "net/http", qual.Name) {
		return alt{}, false
	}
	var args, fields []string
	for i, arg := range call.Args {
		text := f.canonNode(arg)
		switch {
		case params[i] == "":
			args = append(args, text)
		case text != `""` && text != "nil":
			fields = append(fields, params[i]+":"+text)
		}
	}
	lit := regexp.MustCompile(`^` + ident + `:=&` + regexp.QuoteMeta(qual.Name) + `\.Server\{(.*)\}$`)
	return alt{
		re: ident + `\.` + sel.Sel.Name + `\(` + regexp.QuoteMeta(strings.Join(args, ",")) + `\)`,
		also: func(golden []string) bool {
			// The golden declares the server, with the start's arguments.
			for _, s := range golden {
				if m := lit.FindStringSubmatch(s); m != nil && !slices.ContainsFunc(fields, func(field string) bool {
					return !strings.Contains(","+m[1]+",", ","+field+",")
				}) {
					return true
				}
			}
			return false
		},
	}, true
}

// importsAs reports whether f imports path under name.
func importsAs(f *srcFile, path, name string) bool {
	for _, spec := range f.ast.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		if p != path {
			continue
		}
		if spec.Name != nil && spec.Name.Name == name || spec.Name == nil && name == p[strings.LastIndex(p, "/")+1:] {
			return true
		}
	}
	return false
}

func withoutCancel(f *srcFile, stmt ast.Stmt, e ast.Expr) (alt, bool) {
	ret, ok := stmt.(*ast.ReturnStmt)
	if !ok || !slices.Contains(ret.Results, e) {
		return alt{}, false
	}
	return alt{re: ident + `\.WithoutCancel\(` + regexp.QuoteMeta(f.canonNode(e)) + `\)`}, true
}

func startAssigned(f *srcFile, call *ast.CallExpr, alts func(ast.Node) []alt) []alt {
	if _, sel, ok := selectorCall(call); !ok || startParams[sel.Sel.Name] == nil {
		return nil
	}
	var out []alt
	for _, a := range alts(call) {
		out = append(out, alt{ident + `:=` + a.re, a.also})
	}
	return out
}

func exitOnStartError(f *srcFile, call *ast.CallExpr, alts func(ast.Node) []alt) []alt {
	if len(call.Args) != 1 {
		return nil
	}
	start, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	exit := regexp.QuoteMeta(f.canonNode(call.Fun))
	var out []alt
	for _, a := range alts(start) {
		out = append(out, alt{`if` + ident + `:=` + a.re + `;.*\{` + exit + `\(` + ident + `\)\}`, a.also})
	}
	return out
}

// exprAlts returns the ways the code of n (a statement or a piece of it)
// may appear in a golden of check: verbatim, or with one expression in
// it changed by an exprRewrite of check.
func exprAlts(f *srcFile, check string, stmt ast.Stmt, n ast.Node) []alt {
	alts := []alt{{re: regexp.QuoteMeta(f.canonNode(n))}}
	ast.Inspect(n, func(x ast.Node) bool {
		if _, ok := x.(*ast.FuncLit); ok {
			return false // its statements are compared on their own
		}
		e, ok := x.(ast.Expr)
		if !ok {
			return true
		}
		for _, rw := range exprRewrites {
			if rw.check != check {
				continue
			}
			if a, ok := rw.apply(f, stmt, e); ok {
				a.re = regexp.QuoteMeta(f.canon(n.Pos(), e.Pos())) + a.re + regexp.QuoteMeta(f.canon(e.End(), n.End()))
				alts = append(alts, a)
			}
		}
		return true
	})
	return alts
}

// stmtAlts returns the ways statement s may appear in a golden of check,
// each matching one whole statement of the golden.
func stmtAlts(f *srcFile, check string, s ast.Stmt) []alt {
	alts := exprAlts(f, check, s, s)
	reshape := func(e ast.Expr, rewrites []stmtRewrite) {
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			for _, rw := range rewrites {
				if rw.check == check {
					alts = append(alts, rw.apply(f, call, func(n ast.Node) []alt { return exprAlts(f, check, s, n) })...)
				}
			}
		}
	}
	switch s := s.(type) {
	case *ast.ExprStmt:
		reshape(s.X, stmtRewrites)
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			reshape(s.Results[0], returnRewrites)
		}
	}
	for i := range alts {
		alts[i].re = `^` + alts[i].re + `$`
	}
	return alts
}

func TestNothingLostByFixes(t *testing.T) {
	t.Parallel()
	for _, g := range findGoldens(t) {
		t.Run(g.rel(), func(t *testing.T) {
			t.Parallel()
			o, gf := parseSrc(t, g.orig()), parseSrc(t, g.path())
			name := "testdata/src/" + g.rel() + ".golden"

			// Comments.
			comments := make(map[string]int)
			for _, cg := range gf.ast.Comments {
				for _, c := range cg.List {
					comments[c.Text]++
				}
			}
			for _, cg := range o.ast.Comments {
				for _, c := range cg.List {
					if comments[c.Text] == 0 {
						t.Errorf("%s lost the comment %s (%s)", name, c.Text, o.fset.Position(c.Pos()))
					}
					comments[c.Text]--
				}
			}

			// Imports, declarations at package level, functions.
			tops := make(map[string]int)
			for _, k := range topLevel(gf) {
				tops[k]++
			}
			for _, k := range topLevel(o) {
				if tops[k] == 0 {
					t.Errorf("%s lost %s", name, k)
				}
				tops[k]--
			}

			// Statements: first those kept verbatim, then the rewritten.
			var all []string
			verbatim := make(map[string]int)
			ast.Inspect(gf.ast, func(n ast.Node) bool {
				if s, ok := n.(ast.Stmt); ok {
					if _, block := s.(*ast.BlockStmt); !block {
						all = append(all, gf.canonNode(s))
						if isLeafStmt(s) {
							verbatim[gf.canonNode(s)]++
						}
					}
				}
				return true
			})
			var changed []ast.Stmt
			ast.Inspect(o.ast, func(n ast.Node) bool {
				if s, ok := n.(ast.Stmt); ok && isLeafStmt(s) {
					if k := o.canonNode(s); verbatim[k] > 0 {
						verbatim[k]--
						all[slices.Index(all, k)] = "" // used up
					} else {
						changed = append(changed, s)
					}
				}
				return true
			})
			for _, s := range changed {
				if i := matchAlt(stmtAlts(o, g.check, s), all); i >= 0 {
					all[i] = ""
					continue
				}
				t.Errorf("%s lost the statement %q (%s): it is neither kept nor changed by a documented %s rewrite",
					name, o.src[o.off(s.Pos()):o.off(s.End())], o.fset.Position(s.Pos()), g.check)
			}
		})
	}
}

// matchAlt returns the index of the first statement of golden that one
// of alts matches, or -1.
func matchAlt(alts []alt, golden []string) int {
	for _, a := range alts {
		re := regexp.MustCompile(a.re)
		for i, s := range golden {
			if s != "" && re.MatchString(s) && (a.also == nil || a.also(golden)) {
				return i
			}
		}
	}
	return -1
}

// topLevel describes the imports, package-level declarations and
// functions of f, each as one string.
func topLevel(f *srcFile) []string {
	var tops []string
	for _, spec := range f.ast.Imports {
		tops = append(tops, "the import "+f.canonNode(spec))
	}
	for _, decl := range f.ast.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			name := decl.Name.Name
			if decl.Recv != nil {
				name = f.canonNode(decl.Recv) + name
			}
			tops = append(tops, "the function "+name)
		case *ast.GenDecl:
			if decl.Tok == token.IMPORT {
				continue
			}
			for _, spec := range decl.Specs {
				tops = append(tops, "the declaration "+decl.Tok.String()+" "+f.canonNode(spec))
			}
		}
	}
	return tops
}
