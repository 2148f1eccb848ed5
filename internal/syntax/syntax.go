// Package syntax holds the syntax helpers that sigtermcheck's analysis
// stages share.
package syntax

import (
	"go/ast"
	"go/token"
)

// RecvOperand returns the receive expression of a select case's
// communication (<-c, v := <-c, v, ok = <-c), or nil for a send or the
// default case.
func RecvOperand(comm ast.Stmt) *ast.UnaryExpr {
	var x ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u
	}
	return nil
}
