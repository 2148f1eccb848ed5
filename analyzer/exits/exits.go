// Package exits is the first stage of sigtermcheck: it finds the
// functions that end the process instead of returning, so that a call of
// one of them on a handler path counts as an exit (SPEC §2, "Exit").
//
// A function exits when it is one of the known exits (os.Exit,
// syscall.Exit, log.Fatal*, log.Panic*, the same methods of *log.Logger)
// or when its body has no return statement and ends in a terminating
// statement, in the sense of the Go specification, whose every way out is
// a call of panic or of a function that exits: a local fatal(err) helper, a library's Fatal that
// logs and calls os.Exit. Such functions get the fact "exits", so that
// packages further up the import graph see them.
//
// The verdict is read from the ends of each function body only, so the
// stage costs a few statements per function; it runs on every package
// (the standard library included) in place of x/tools' ctrlflow, which
// builds a control-flow graph of every function. Unlike ctrlflow's
// "no return", a function that never returns because it loops or blocks
// forever (for {}, select {}, runtime.Goexit) does not exit: the process
// goes on, so a handler path that calls it is not ended by it.
package exits

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Analyzer exports an exits fact for every function of the package that
// ends the process, and returns a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "exits",
	Doc:        "find the functions that end the process instead of returning",
	URL:        "https://github.com/sigtermcheck/sigtermcheck#how-it-works",
	Run:        run,
	FactTypes:  []analysis.Fact{new(exits)},
	ResultType: reflect.TypeFor[*Result](),
}

// exits is the fact of a function that ends the process.
type exits struct{}

func (*exits) AFact()         {}
func (*exits) String() string { return "exits" }

// Result tells which functions end the process: known ones, this
// package's (decided on demand and memoized), and other packages' (from
// their facts).
type Result struct {
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
	state map[*types.Func]verdict
}

type verdict uint8

const (
	unknown verdict = iota
	deciding
	returns
	ends
)

// Exits reports whether a call of fn ends the process.
func (r *Result) Exits(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if Known(fn) {
		return true
	}
	if fn.Pkg() != r.pass.Pkg {
		return r.pass.ImportObjectFact(fn.Origin(), new(exits))
	}
	fn = fn.Origin()
	switch r.state[fn] {
	case ends:
		return true
	case returns, deciding: // (recursion: assume it returns)
		return false
	}
	decl := r.decls[fn]
	if decl == nil || decl.Body == nil {
		r.state[fn] = returns
		return false
	}
	r.state[fn] = deciding
	v := returns
	if r.ends(decl.Body.List) && !hasReturn(decl.Body) {
		v = ends
	}
	r.state[fn] = v
	return v == ends
}

// CallExits reports whether call is a call of panic or of a function
// that ends the process.
func (r *Result) CallExits(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := r.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	return r.Exits(typeutil.StaticCallee(r.pass.TypesInfo, call))
}

// ends reports whether a statement list ends the process on every way
// out of it: whether its last statement does.
func (r *Result) ends(list []ast.Stmt) bool {
	for i := len(list) - 1; i >= 0; i-- {
		if _, empty := list[i].(*ast.EmptyStmt); !empty {
			return r.stmtEnds(list[i])
		}
	}
	return false
}

func (r *Result) stmtEnds(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && r.CallExits(call)
	case *ast.BlockStmt:
		return r.ends(s.List)
	case *ast.LabeledStmt:
		return r.stmtEnds(s.Stmt) && !breaks(s.Stmt, s.Label.Name)
	case *ast.IfStmt:
		return s.Else != nil && r.ends(s.Body.List) && r.stmtEnds(s.Else)
	case *ast.SwitchStmt:
		return r.clausesEnd(s.Body, s)
	case *ast.TypeSwitchStmt:
		return r.clausesEnd(s.Body, s)
	case *ast.SelectStmt:
		return r.clausesEnd(s.Body, s)
	}
	// A return, a loop, a goto, and everything else may go on.
	return false
}

// clausesEnd reports whether a switch or select ends the process: it has
// a default (a select needs none), every clause ends it or falls through
// to one that does, and nothing breaks out of it.
func (r *Result) clausesEnd(body *ast.BlockStmt, stmt ast.Stmt) bool {
	_, isSelect := stmt.(*ast.SelectStmt)
	hasDefault := isSelect && len(body.List) > 0 // (select {} blocks forever)
	for i := len(body.List) - 1; i >= 0; i-- {
		var list []ast.Stmt
		switch c := body.List[i].(type) {
		case *ast.CaseClause:
			list = c.Body
			hasDefault = hasDefault || c.List == nil
		case *ast.CommClause:
			list = c.Body
		}
		if n := len(list); n > 0 && i < len(body.List)-1 {
			if br, ok := list[n-1].(*ast.BranchStmt); ok && br.Tok == token.FALLTHROUGH {
				continue // (the next clause, already seen to end, runs on)
			}
		}
		if !r.ends(list) {
			return false
		}
	}
	return hasDefault && !breaks(stmt, "")
}

// breaks reports whether a break leaves stmt: an unlabeled break that is
// not inside a nested loop, switch or select, or a break to label.
func breaks(stmt ast.Stmt, label string) bool {
	found := false
	var visit func(n ast.Node, nested bool) bool
	visit = func(n ast.Node, nested bool) bool {
		ast.Inspect(n, func(x ast.Node) bool {
			if found || x == nil {
				return false
			}
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if x.Tok == token.BREAK && (x.Label == nil && !nested || x.Label != nil && x.Label.Name == label) {
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if x != n {
					visit(x, true)
					return false
				}
			}
			return true
		})
		return found
	}
	return visit(stmt, false)
}

// hasReturn reports whether a function body has a return statement
// (outside the function literals in it).
func hasReturn(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ReturnStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// Known reports whether fn is one of the standard library's exits:
// os.Exit, syscall.Exit, log.Fatal*, log.Panic* (the functions and the
// *log.Logger methods).
func Known(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "os", "syscall":
		return fn.Name() == "Exit" && fn.Type().(*types.Signature).Recv() == nil
	case "log":
		switch fn.Name() {
		case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
			return true
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		pass:  pass,
		decls: make(map[*types.Func]*ast.FuncDecl),
		state: make(map[*types.Func]verdict),
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					r.decls[fn] = fd
				}
			}
		}
	}
	for fn := range r.decls {
		// Only exported names: no other package can call the rest.
		if fn.Exported() && r.Exits(fn) && !Known(fn) {
			pass.ExportObjectFact(fn, new(exits))
		}
	}
	return r, nil
}
