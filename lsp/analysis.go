package lsp

import (
	"context"
	"fmt"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// source is the source of every published diagnostic.
const source = "sigtermcheck"

// loadMode is what the checker needs: syntax and types for every package,
// dependencies included, since the analyzer computes facts on them.
const loadMode = packages.LoadAllSyntax | packages.NeedModule

// analyze loads the packages of the given files, one go/packages query
// per module, runs the analyzer on them and publishes the results.
func (s *server) analyze(ctx context.Context, files []string) {
	groups := make(map[string][]string) // module root (or directory) -> files
	for _, f := range files {
		root := moduleRoot(filepath.Dir(f))
		groups[root] = append(groups[root], f)
	}
	roots := make([]string, 0, len(groups))
	for r := range groups {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	for _, root := range roots {
		if ctx.Err() != nil {
			return
		}
		s.analyzeGroup(ctx, root, groups[root])
	}
}

// moduleRoot returns the nearest directory at or above dir holding a
// go.mod file, or dir if there is none.
func moduleRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

func (s *server) analyzeGroup(ctx context.Context, root string, files []string) {
	slices.Sort(files)
	if s.opts.onAnalyze != nil {
		s.opts.onAnalyze(root, files)
	}
	t0 := time.Now()
	patterns := make([]string, len(files))
	for i, f := range files {
		patterns[i] = "file=" + f
	}
	cfg := &packages.Config{Mode: loadMode, Context: ctx, Dir: root, Env: s.opts.Env}
	pkgs, err := packages.Load(cfg, patterns...)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		s.show(ctx, root, MessageError, fmt.Sprintf("sigtermcheck-lsp: cannot load the packages of %s: %v", strings.Join(files, ", "), err))
		return
	}
	s.forget(root)
	load := time.Since(t0)

	// Keep one of each package, and set aside those that cannot be
	// analyzed: the checker skips a package with errors, and every
	// package that depends on one.
	var clean []*packages.Package
	var broken []*packages.Package
	seen := make(map[string]bool)
	for _, p := range pkgs {
		if seen[p.ID] || len(p.GoFiles) == 0 && len(p.Errors) == 0 {
			continue
		}
		seen[p.ID] = true
		if len(loadErrors(p)) > 0 {
			broken = append(broken, p)
			continue
		}
		if changedOnDisk(p) {
			// Saved again while loading: that save queued it again.
			s.log.Printf("%s changed while loading; analyzing it again", p.ID)
			s.queue.add(files...)
			continue
		}
		clean = append(clean, p)
	}

	for _, p := range broken {
		errs := loadErrors(p)
		msg := fmt.Sprintf("sigtermcheck: not analyzing %s until it type-checks: %s", p.PkgPath, errs[0])
		if len(errs) > 1 {
			msg += fmt.Sprintf(" (and %d more errors)", len(errs)-1)
		}
		s.show(ctx, p.ID, MessageWarning, msg)
		// Positions of earlier diagnostics may no longer be right.
		s.publish(ctx, p, nil)
	}
	if len(clean) == 0 {
		if len(broken) == 0 {
			// Test files and files excluded by build constraints belong
			// to no package that the checks look at.
			s.log.Printf("no package to analyze for %s", strings.Join(files, ", "))
		}
		return
	}

	s.mu.Lock()
	a := s.analyzer
	s.mu.Unlock()
	t1 := time.Now()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, clean, nil)
	if err != nil {
		s.show(ctx, root, MessageError, "sigtermcheck-lsp: "+err.Error())
		return
	}
	check := time.Since(t1)
	if ctx.Err() != nil {
		return
	}

	files2 := make(fileCache)
	n := 0
	for _, act := range graph.Roots {
		p := act.Package
		if act.Err != nil {
			s.show(ctx, p.ID, MessageError, fmt.Sprintf("sigtermcheck: analysis of %s failed: %v", p.PkgPath, act.Err))
			continue
		}
		s.forget(p.ID)
		var results []fileResult
		for _, d := range act.Diagnostics {
			results = append(results, s.convert(p.Fset, d, files2))
		}
		n += len(results)
		s.publish(ctx, p, results)
	}
	s.log.Printf("analyzed %d package(s) for %d file(s) in %v (load %v, analysis %v): %d diagnostic(s)",
		len(clean), len(files), time.Since(t0).Round(time.Millisecond), load.Round(time.Millisecond), check.Round(time.Millisecond), n)

	s.mu.Lock()
	first := !s.firstDone && !s.firstOpen.IsZero()
	s.firstDone = true
	since := time.Since(s.firstOpen)
	s.mu.Unlock()
	if first {
		s.log.Printf("first diagnostics published %v after the first didOpen", since.Round(time.Millisecond))
	}
}

// loadErrors returns the errors of a package and of its dependencies,
// its own first.
func loadErrors(p *packages.Package) []string {
	var errs []string
	for _, e := range p.Errors {
		errs = append(errs, e.Error())
	}
	packages.Visit([]*packages.Package{p}, nil, func(dep *packages.Package) {
		if dep == p {
			return
		}
		for _, e := range dep.Errors {
			errs = append(errs, fmt.Sprintf("in dependency %s: %v", dep.PkgPath, e))
		}
	})
	return errs
}

// changedOnDisk reports whether a file of p no longer has the size it had
// when loaded.
func changedOnDisk(p *packages.Package) bool {
	for _, f := range p.Syntax {
		tf := p.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		fi, err := os.Stat(tf.Name())
		if err != nil || fi.Size() != int64(tf.Size()) {
			return true
		}
	}
	return false
}

// show sends a message to the user, once per key until the key's state
// changes: a package that stays broken over many saves is not announced
// on each.
func (s *server) show(ctx context.Context, key string, typ int, msg string) {
	s.log.Print(msg)
	s.mu.Lock()
	repeated := s.shown[key] == msg
	s.shown[key] = msg
	s.mu.Unlock()
	if !repeated {
		s.notify(ctx, "window/showMessage", ShowMessageParams{Type: typ, Message: msg})
	}
}

// forget records that the problem last shown under key is gone.
func (s *server) forget(key string) {
	s.mu.Lock()
	delete(s.shown, key)
	s.mu.Unlock()
}

// A fileResult is a converted diagnostic and the file it belongs to.
type fileResult struct {
	path string
	result
}

// publish sends the diagnostics of package p: for every file of the
// package, and for every file that had diagnostics of p before, so that
// fixed files are cleared.
func (s *server) publish(ctx context.Context, p *packages.Package, results []fileResult) {
	byFile := make(map[string][]result)
	for _, f := range p.GoFiles {
		byFile[f] = nil
	}
	for _, r := range results {
		byFile[r.path] = append(byFile[r.path], r.result)
	}
	s.mu.Lock()
	for f := range s.published[p.ID] {
		if _, ok := byFile[f]; !ok {
			byFile[f] = nil
		}
	}
	now := make(map[string]bool)
	for f, rs := range byFile {
		if len(rs) > 0 {
			now[f] = true
			s.results[f] = rs
		} else {
			delete(s.results, f)
		}
	}
	s.published[p.ID] = now
	s.mu.Unlock()

	paths := make([]string, 0, len(byFile))
	for f := range byFile {
		paths = append(paths, f)
	}
	slices.Sort(paths)
	for _, f := range paths {
		diags := []Diagnostic{}
		for _, r := range byFile[f] {
			diags = append(diags, r.diag)
		}
		s.notify(ctx, "textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: s.uriFor(f), Diagnostics: diags})
	}
}

// uriFor returns the URI of a file, spelled as the client spelled it if
// the file is open.
func (s *server) uriFor(path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if uri, ok := s.open[path]; ok {
		return uri
	}
	return pathToURI(path)
}

// convert turns an analysis diagnostic into an LSP one, with a quick fix
// for each of its suggested fixes.
func (s *server) convert(fset *token.FileSet, d analysis.Diagnostic, files fileCache) fileResult {
	path, rng := files.span(fset, d.Pos, d.End)
	diag := Diagnostic{
		Range:    rng,
		Severity: SeverityWarning,
		Code:     d.Category,
		Source:   source,
		Message:  d.Message,
	}
	if d.URL != "" {
		diag.CodeDescription = &CodeDescription{Href: d.URL}
	}
	for _, r := range d.Related {
		rpath, rrng := files.span(fset, r.Pos, r.End)
		if rpath == "" {
			continue
		}
		diag.RelatedInformation = append(diag.RelatedInformation, DiagnosticRelatedInformation{
			Location: Location{URI: s.uriFor(rpath), Range: rrng},
			Message:  r.Message,
		})
	}
	var actions []CodeAction
	for _, fix := range d.SuggestedFixes {
		changes := make(map[string][]TextEdit)
		for _, e := range fix.TextEdits {
			epath, erng := files.span(fset, e.Pos, e.End)
			if epath == "" {
				continue
			}
			uri := s.uriFor(epath)
			changes[uri] = append(changes[uri], TextEdit{Range: erng, NewText: string(e.NewText)})
		}
		actions = append(actions, CodeAction{
			Title:       fix.Message,
			Kind:        CodeActionKindQuickFix,
			Diagnostics: []Diagnostic{diag},
			IsPreferred: len(d.SuggestedFixes) == 1,
			Edit:        &WorkspaceEdit{Changes: changes},
		})
	}
	return fileResult{path: path, result: result{diag: diag, actions: actions}}
}

// A fileCache holds the content of the files that diagnostics, related
// information and fixes point into, read once per analysis.
type fileCache map[string]*mapper

// span returns the file and LSP range of [pos, end). An invalid end, or
// one in another file, makes an empty range at pos.
func (c fileCache) span(fset *token.FileSet, pos, end token.Pos) (string, Range) {
	start := fset.Position(pos)
	if !start.IsValid() || start.Filename == "" {
		return "", Range{}
	}
	stop := start
	if end.IsValid() {
		if e := fset.Position(end); e.Filename == start.Filename {
			stop = e
		}
	}
	m := c.get(start.Filename)
	return start.Filename, Range{Start: m.position(start), End: m.position(stop)}
}

func (c fileCache) get(path string) *mapper {
	m, ok := c[path]
	if !ok {
		content, err := os.ReadFile(path)
		if err != nil {
			content = nil // positions are clamped to line 0
		}
		m = newMapper(content)
		c[path] = m
	}
	return m
}

// guard returns a copy of a that turns a panic of its Run into an error
// (logging its stack), so that a bug in the analyzer fails one analysis
// instead of killing the server.
func guard(a *analysis.Analyzer, logger *log.Logger) *analysis.Analyzer {
	g := *a
	run := a.Run
	g.Run = func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error: %s panicked on %s: %v", a.Name, pass.Pkg.Path(), r)
				logger.Printf("%v\n%s", err, debug.Stack())
			}
		}()
		return run(pass)
	}
	return &g
}
