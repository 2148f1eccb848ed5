package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer/relevance"
)

// Delays facts of packages that cannot otherwise matter (the relevance
// stage, analyzer/relevance, decides which): a helper that sleeps can be
// the delay of a handler path, so every package exports the delays of
// its functions, read from the top level of their bodies.

// declaresSignalList reports whether the package being analyzed declares
// a package-level variable of a signal type, a list that programs may
// spread into signal.Notify: its signalList facts need the model, though
// its importers need not matter for it. (os.Interrupt and os.Kill are
// known by name.)
func declaresSignalList(pass *analysis.Pass) bool {
	if pass.Pkg.Path() == "os" {
		return false
	}
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && isSignalListType(v.Type()) {
			return true
		}
	}
	return false
}

// isRoot reports whether the package at path is one that everything
// sigtermcheck looks for comes from: the relevance stage's roots.
func isRoot(path string) bool {
	return path == "net/http" || path == "os/signal" || apiOfPackage(path) != nil
}

// relevanceStage is the relevance analyzer of every sigtermcheck
// analyzer: one, so that importers see a package's facts.
var relevanceStage = relevance.New(isRoot)

// exportDelays exports the delays facts of a package that cannot
// otherwise matter.
func exportDelays(pass *analysis.Pass) {
	m := &model{
		pass:      pass,
		byFunc:    make(map[*types.Func]*fnode),
		assigns:   make(map[*types.Var][]ast.Expr),
		delayMemo: make(map[*fnode]*delays),
	}
	var nodes []*fnode
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.FuncDecl); ok && decl.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
					n := &fnode{name: fn.Name(), fn: fn, body: decl.Body, file: file}
					m.byFunc[fn] = n
					nodes = append(nodes, n)
				}
			}
		}
	}
	for _, n := range nodes {
		if d := m.delaysOf(n); d != nil && n.fn.Exported() { // (see exportFacts)
			pass.ExportObjectFact(n.fn, d)
		}
	}
}

// delaysOf returns the delay that every call of n makes in a statement
// of its own at the top level of its body: time.Sleep(d),
// <-time.After(d), a select on timers only, or a call of a function that
// always delays. A recursive call adds nothing.
func (m *model) delaysOf(n *fnode) *delays {
	if d, ok := m.delayMemo[n]; ok {
		return d
	}
	m.delayMemo[n] = nil // in progress
	var d *delays
	for _, s := range n.body.List {
		if d = m.stmtDelay(s); d != nil {
			break
		}
	}
	m.delayMemo[n] = d
	return d
}

// stmtDelay returns the delay a statement always makes, or nil.
func (m *model) stmtDelay(s ast.Stmt) *delays {
	switch s := s.(type) {
	case *ast.ExprStmt:
		switch x := ast.Unparen(s.X).(type) {
		case *ast.CallExpr:
			return m.callDelay(x)
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				if d, isConst, ok := m.timerDelay(x.X); ok {
					return &delays{Nanos: int64(d), Const: isConst}
				}
			}
		}
	case *ast.SelectStmt:
		// Have: select { case <-time.After(d): ... }, timers only.
		var least *delays
		for _, c := range s.Body.List {
			u := recvOperand(c.(*ast.CommClause).Comm)
			if u == nil {
				return nil // a default or a send
			}
			d, isConst, ok := m.timerDelay(u.X)
			if !ok {
				return nil
			}
			if least == nil || !isConst || (least.Const && int64(d) < least.Nanos) {
				least = &delays{Nanos: int64(d), Const: isConst}
			}
		}
		return least
	}
	return nil
}

// callDelay returns the delay a call always makes, or nil.
func (m *model) callDelay(call *ast.CallExpr) *delays {
	fn := m.callee(call)
	switch {
	case fn == nil:
		return nil
	case isSleep(fn) && len(call.Args) == 1:
		d, isConst := m.duration(call.Args[0])
		return &delays{Nanos: int64(d), Const: isConst}
	case fn.Pkg() == m.pass.Pkg:
		if n := m.byFunc[fn]; n != nil && n.body != nil {
			return m.delaysOf(n)
		}
		return nil
	}
	var d delays
	if m.pass.ImportObjectFact(fn, &d) {
		return &d
	}
	return nil
}
