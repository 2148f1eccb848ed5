package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// reportRequestContextCancelled reports an http.Server whose BaseContext
// returns the signal context (SPEC 3.7): every request's context is
// cancelled the moment SIGTERM arrives, delay or not.
func reportRequestContextCancelled(p *program, r *reporter) {
	report := func(key ast.Node, value ast.Expr) {
		if !p.returnsSignalContext(value) {
			return
		}
		r.report(checkRequestContextCancelled, analysis.Diagnostic{
			Pos: key.Pos(), End: key.End(),
			Message: "BaseContext returns the signal context: every request's context is cancelled the moment SIGTERM arrives, " +
				"delay or not; give requests a context that outlives the signal (context.WithoutCancel, or context.Background)",
		})
	}
	for _, f := range p.pass.Files {
		ast.Inspect(f, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.CompositeLit:
				if !isHTTPServer(p.pass.TypesInfo.TypeOf(x)) {
					return true
				}
				for _, elt := range x.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "BaseContext" {
							report(kv.Key, kv.Value)
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range x.Lhs {
					sel, ok := l.(*ast.SelectorExpr)
					if ok && sel.Sel.Name == "BaseContext" && len(x.Rhs) == len(x.Lhs) && isHTTPServer(p.pass.TypesInfo.TypeOf(sel.X)) {
						report(sel.Sel, x.Rhs[i])
					}
				}
			}
			return true
		})
	}
}

// returnsSignalContext reports whether the function e denotes returns a
// signal context.
func (p *program) returnsSignalContext(e ast.Expr) bool {
	var n *fnode
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		n = p.byLit[x]
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := p.pass.TypesInfo.Uses[calleeIdent(x)].(*types.Func); ok {
			n = p.byFunc[fn.Origin()]
		}
	}
	if n == nil {
		return false
	}
	for _, results := range n.rets {
		if len(results) == 1 && p.valueKind(results[0], 0)&valCtx != 0 {
			return true
		}
	}
	return false
}

// isHTTPServer reports whether t is http.Server or *http.Server.
func isHTTPServer(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Name() == "Server" && inPackage(named.Obj(), "net/http")
}
