package analyzer

// Syntax helpers that every stage uses.

import (
	"go/ast"
	"go/types"
)

// within reports whether node x lies inside node y.
func within(x, y ast.Node) bool {
	return y.Pos() <= x.Pos() && x.End() <= y.End()
}

// calleeIdent returns the identifier that names the function a call
// expression's Fun denotes (f, pkg.F, x.M, f[T]), or nil.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	case *ast.IndexListExpr:
		return calleeIdent(f.X)
	}
	return nil
}

// isBuiltin reports whether fun denotes the named builtin function.
func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}
