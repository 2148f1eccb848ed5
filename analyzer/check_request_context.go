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
		results := p.signalContextResults(value)
		if len(results) == 0 {
			return
		}
		d := analysis.Diagnostic{
			Pos: key.Pos(), End: key.End(),
			Message: "BaseContext returns the signal context: SIGTERM cancels every request's context; use context.WithoutCancel",
		}
		if fix, ok := withoutCancelFix(p, results); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		r.report(checkRequestContextCancelled, d)
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

// signalContextResults returns the results that the function e denotes
// returns which are signal contexts.
func (p *program) signalContextResults(e ast.Expr) []ast.Expr {
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
		return nil
	}
	var out []ast.Expr
	for _, results := range n.rets {
		if len(results) == 1 && p.valueKind(results[0], 0)&valCtx != 0 {
			out = append(out, results[0])
		}
	}
	return out
}

// withoutCancelFix wraps each returned signal context in
// context.WithoutCancel, which keeps its values but not its cancellation.
func withoutCancelFix(p *program, results []ast.Expr) (analysis.SuggestedFix, bool) {
	ed := p.editor(p.fileOfPos(results[0].Pos()), results[0].Pos())
	if ed.file == nil {
		return analysis.SuggestedFix{}, false
	}
	c := ed.pkg("context")
	for _, r := range results {
		if p.fileOfPos(r.Pos()) != ed.file {
			return analysis.SuggestedFix{}, false
		}
		ed.replace(r, c+"WithoutCancel("+p.src(r)+")")
	}
	return ed.fix("Detach request contexts from the signal with context.WithoutCancel"), true
}
