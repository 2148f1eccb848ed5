package analyzer_test

// In an editor, suggested fixes come one at a time: the user applies one,
// the analyzer runs again, the user applies the next. TestFixOrder holds
// the promise of issue 10 for that: whatever order a program's fixes are
// applied in, each step leaves a program that compiles, with no name
// declared twice, no variable or import left unused, and once every fix
// is applied the analyzer offers no more. The fixes are applied as an
// editor applies them, edit by edit, without the import clean-up that
// go vet -fix adds; and all at once too, as -fix applies them.

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// maxOrderedFixes bounds the programs TestFixOrder takes: every order of
// n fixes visits up to 2^n programs. (exitinhandler/waitforms, with ten
// fixes, each in a function of its own, is left out.)
const maxOrderedFixes = 4

// A fixState is one version of a package's files, reached from the
// testdata original by applying fixes one at a time.
type fixState struct {
	files map[string][]byte // file name -> content
	how   []string          // the fixes applied to reach it, in order
}

// key identifies a state by its content, so that orders that lead to the
// same program are followed once.
func (s *fixState) key() string {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(s.files)) {
		fmt.Fprintf(h, "%s\x00%d\x00%s", name, len(s.files[name]), s.files[name])
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}

// TestFixOrder takes the testdata programs with one to maxOrderedFixes
// reports that offer a fix (one fix may bring the next report, as in
// fixorder/twoclose), and applies their fixes one at a time in every
// order, running the analyzer again after each: breadth first, the
// programs of one round analyzed together, each program once however
// many orders reach it.
func TestFixOrder(t *testing.T) {
	t.Parallel()
	// Load every testdata package, and what fixes import, once. The
	// fixed programs are type-checked against these packages.
	src := filepath.Join(testdata, "src")
	var patterns []string
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if rel != "." && strings.Contains(rel, ".") || rel == "deps" || rel == "library" {
			return filepath.SkipDir // module stubs and the fact-only packages
		}
		if len(goFiles(t, path)) > 0 {
			patterns = append(patterns, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	l := newFixLoader(t, append(patterns, "context", "errors", "log", "log/slog", "net/http", "os", "os/signal", "syscall", "time"))

	// Round 0: the originals.
	var origs []*packages.Package
	for _, pkg := range patterns {
		if orig := l.pkgs[pkg]; orig != nil && !orig.IllTyped {
			origs = append(origs, orig)
		}
	}
	var start []*fixState
	for i, fixes := range l.analyze(t, origs) {
		if n := len(fixes); n >= 1 && n <= maxOrderedFixes {
			pkg := origs[i].PkgPath
			start = append(start, &fixState{files: goFiles(t, filepath.Join(src, filepath.FromSlash(pkg))), how: []string{pkg + ":"}})
		}
	}
	if len(start) < 10 {
		t.Fatalf("%d testdata programs with 1 to %d fixes, want more", len(start), maxOrderedFixes)
	}

	seen := make(map[string]bool)
	round := start
	for depth := 0; len(round) > 0; depth++ {
		if depth > maxOrderedFixes+1 {
			for _, s := range round {
				t.Errorf("%s\nfixes are still offered after %d rounds", strings.Join(s.how, "\n\tthen: "), depth)
			}
			break
		}
		var next []*fixState
		var ok []*fixState
		var pkgs []*packages.Package
		for i, s := range round {
			pkg, err := l.check(t, fmt.Sprintf("r%d/%d", depth, i), s.files)
			if err != nil {
				t.Errorf("%s\ndoes not compile:\n%v%s", strings.Join(s.how, "\n\tthen: "), err, listing(s))
				continue
			}
			ok = append(ok, s)
			pkgs = append(pkgs, pkg)
		}
		for i, fixes := range l.analyze(t, pkgs) {
			s := ok[i]
			if len(fixes) >= 2 {
				// Also all of them at once, as go vet -fix applies them.
				var all offeredFix
				for _, fix := range fixes {
					edits := append(slices.Clip(all.fix.TextEdits), fix.fix.TextEdits...)
					if applyFix(l.fset, maps.Clone(s.files), analysis.SuggestedFix{TextEdits: edits}) == nil {
						all.fix.TextEdits = edits // (a fix that conflicts is left out)
						all.name += "\n\t\tand " + fix.name
					}
				}
				all.name = "all at once:" + all.name
				fixes = append(slices.Clip(fixes), all)
			}
			for _, fix := range fixes {
				child := &fixState{files: maps.Clone(s.files), how: append(slices.Clip(s.how), fix.name)}
				if err := applyFix(l.fset, child.files, fix.fix); err != nil {
					t.Errorf("%s: %v", strings.Join(child.how, "\n\tthen: "), err)
					continue
				}
				if k := child.key(); !seen[k] {
					seen[k] = true
					next = append(next, child)
				}
			}
		}
		round = next
	}
	t.Logf("%d programs; %d programs reached by applying their fixes one at a time in every order, or all at once", len(start), len(seen))
}

// goFiles returns the .go files of dir (not its tests), by name.
func goFiles(t *testing.T, dir string) map[string][]byte {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte)
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			files[name] = b
		}
	}
	return files
}

// listing returns the files of s, numbered, for a failure message.
func listing(s *fixState) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(s.files)) {
		fmt.Fprintf(&b, "\n--- %s\n", name)
		for i, line := range strings.Split(string(s.files[name]), "\n") {
			fmt.Fprintf(&b, "%3d\t%s\n", i+1, line)
		}
	}
	return b.String()
}

// An offeredFix is a report's first suggested fix, with its report for
// messages.
type offeredFix struct {
	name string // "check at file:line: message"
	fix  analysis.SuggestedFix
}

// A fixLoader loads packages once, then type-checks versions of a
// program against them: loading the standard library from source for
// every version would take seconds each.
type fixLoader struct {
	fset *token.FileSet
	pkgs map[string]*packages.Package // by package path, dependencies included
	dir  string                       // where versions are written
}

func newFixLoader(t *testing.T, patterns []string) *fixLoader {
	t.Helper()
	l := &fixLoader{fset: token.NewFileSet(), pkgs: make(map[string]*packages.Package), dir: t.TempDir()}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(testdata, "src"),
		Env:  gopathEnv(testdata),
		Fset: l.fset,
	}
	loaded, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(loaded, nil, func(p *packages.Package) { l.pkgs[p.PkgPath] = p })
	return l
}

// check writes files as package path under l.dir, and type-checks them
// against the loaded packages. It returns the package, or its errors.
func (l *fixLoader) check(t *testing.T, path string, files map[string][]byte) (*packages.Package, error) {
	t.Helper()
	dir := filepath.Join(l.dir, filepath.FromSlash(path))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	pkg := &packages.Package{ID: path, PkgPath: path, Fset: l.fset, Imports: make(map[string]*packages.Package)}
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(files)) {
		filename := filepath.Join(dir, name)
		if err := os.WriteFile(filename, files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(l.fset, filename, files[name], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pkg.Syntax = append(pkg.Syntax, f)
		pkg.GoFiles = append(pkg.GoFiles, filename)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	pkg.CompiledGoFiles = pkg.GoFiles
	pkg.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	pkg.TypesSizes = types.SizesFor("gc", runtime.GOARCH)
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			dep := l.pkgs[path]
			if dep == nil {
				return nil, fmt.Errorf("%s is not loaded (add it to TestFixOrder's list)", path)
			}
			pkg.Imports[path] = dep
			return dep.Types, nil
		}),
		Sizes: pkg.TypesSizes,
		Error: func(err error) { errs = append(errs, err) },
	}
	pkg.Types, _ = conf.Check(path, l.fset, pkg.Syntax, pkg.TypesInfo)
	pkg.Name = pkg.Types.Name()
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return pkg, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// analyze runs sigtermcheck with every check on pkgs and returns, for
// each, the fixes offered.
func (l *fixLoader) analyze(t *testing.T, pkgs []*packages.Package) [][]offeredFix {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New()}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	results := make([][]offeredFix, len(pkgs))
	for _, act := range graph.Roots {
		i := slices.Index(pkgs, act.Package)
		if act.Err != nil {
			t.Fatalf("analyzing %s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			posn := l.fset.Position(d.Pos)
			name := fmt.Sprintf("%s at %s:%d: %s", d.Category, filepath.Base(posn.Filename), posn.Line, d.Message)
			results[i] = append(results[i], offeredFix{name, d.SuggestedFixes[0]})
		}
	}
	return results
}

// applyFix applies the edits of fix to files, by file name.
func applyFix(fset *token.FileSet, files map[string][]byte, fix analysis.SuggestedFix) error {
	type edit struct {
		start, end int
		text       string
	}
	byFile := make(map[string][]edit)
	for _, e := range fix.TextEdits {
		tf := fset.File(e.Pos)
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		name := filepath.Base(tf.Name())
		byFile[name] = append(byFile[name], edit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)})
	}
	for name, edits := range byFile {
		src, ok := files[name]
		if !ok {
			return fmt.Errorf("%q edits %s, not a file of the package", fix.Message, name)
		}
		slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
		edits = slices.Compact(edits)
		var b []byte
		last := 0
		for _, e := range edits {
			if e.start < last {
				return fmt.Errorf("%q has overlapping edits in %s", fix.Message, name)
			}
			b = append(append(b, src[last:e.start]...), e.text...)
			last = e.end
		}
		files[name] = append(b, src[last:]...)
	}
	return nil
}
