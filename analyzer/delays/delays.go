// Package delays is a stage of sigtermcheck: it finds the functions every
// call of which waits a while before it returns, so that a call of one on
// a handler path counts as the delay before the drain (SPEC §3.4), and
// reads the durations of the delays written in place.
//
// A function delays when a statement at the top level of its body, one
// that every call runs, waits: time.Sleep(d), a receive from a timer
// (<-time.After(d), <-t.C of a time.NewTimer(d)), a select whose cases all
// receive from timers, or a call of a function that delays. The delay is
// d when d is constant, and known only at run time otherwise. Exported
// functions that delay get the fact "delays", so that packages further up
// the import graph see them; the stage runs on every package and costs a
// few statements per function.
package delays

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/sigtermcheck/sigtermcheck/internal/syntax"
)

// Analyzer exports a delays fact for every exported function of the
// package whose every call waits, and returns a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "delays",
	Doc:        "find the functions every call of which waits a while before returning",
	URL:        "https://github.com/sigtermcheck/sigtermcheck#how-it-works",
	Run:        run,
	FactTypes:  []analysis.Fact{new(delays)},
	ResultType: reflect.TypeFor[*Result](),
}

// delays is the fact of a function every call of which waits, at least
// for Nanos if Const is set, or for a duration known only at run time.
type delays struct {
	Nanos int64
	Const bool
}

func (*delays) AFact() {}
func (f *delays) String() string {
	if !f.Const {
		return "delays(non-constant)"
	}
	return "delays(" + time.Duration(f.Nanos).String() + ")"
}

// Result tells which functions delay: this package's (decided on demand
// and memoized) and other packages' (from their facts).
type Result struct {
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
	memo  map[*types.Func]*delays // nil: none, or being decided (recursion)

	pkgAssigns map[*types.Var][]ast.Expr // see packageAssignments
}

// Of returns the delay that every call of fn makes, if it makes one: d,
// if isConst, or a duration known only at run time.
func (r *Result) Of(fn *types.Func) (d time.Duration, isConst, ok bool) {
	if f := r.of(fn); f != nil {
		return time.Duration(f.Nanos), f.Const, true
	}
	return 0, false, false
}

func (r *Result) of(fn *types.Func) *delays {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() != r.pass.Pkg {
		f := new(delays)
		if r.pass.ImportObjectFact(fn, f) {
			return f
		}
		return nil
	}
	if f, ok := r.memo[fn]; ok {
		return f // (a recursive call adds nothing)
	}
	r.memo[fn] = nil
	decl := r.decls[fn]
	if decl == nil {
		return nil
	}
	var f *delays
	for _, s := range decl.Body.List {
		if f = r.stmt(decl.Body, s); f != nil {
			break
		}
	}
	r.memo[fn] = f
	return f
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{
		pass:  pass,
		decls: make(map[*types.Func]*ast.FuncDecl),
		memo:  make(map[*types.Func]*delays),
	}
	var exported []*types.Func
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.FuncDecl); ok && decl.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
					r.decls[fn] = decl
					if fn.Exported() {
						exported = append(exported, fn)
					}
				}
			}
		}
	}
	// Only exported functions get facts: no other package can call the
	// rest by name.
	for _, fn := range exported {
		if f := r.of(fn); f != nil {
			pass.ExportObjectFact(fn, f)
		}
	}
	return r, nil
}

// stmt returns the delay a statement of body always makes, or nil.
func (r *Result) stmt(body *ast.BlockStmt, s ast.Stmt) *delays {
	info := r.pass.TypesInfo
	assigned := func(x ast.Expr) ([]ast.Expr, bool) {
		id, ok := ast.Unparen(x).(*ast.Ident)
		if !ok {
			return nil, false
		}
		v, ok := info.Uses[id].(*types.Var)
		switch {
		case !ok || v.Pkg() != r.pass.Pkg || v.IsField():
			return nil, false
		case v.Parent() == v.Pkg().Scope():
			return r.packageAssignments(v), true // a package-level timer
		}
		return assignments(info, body, v), true
	}
	switch s := s.(type) {
	case *ast.ExprStmt:
		switch x := ast.Unparen(s.X).(type) {
		case *ast.CallExpr:
			return r.call(x)
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				if d, isConst, ok := Timer(info, x.X, assigned); ok {
					return &delays{Nanos: int64(d), Const: isConst}
				}
			}
		}
	case *ast.SelectStmt:
		// Have: select { case <-time.After(d): ... }, timers only.
		var least *delays
		for _, c := range s.Body.List {
			u := syntax.RecvOperand(c.(*ast.CommClause).Comm)
			if u == nil {
				return nil // a default or a send
			}
			d, isConst, ok := Timer(info, u.X, assigned)
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

// call returns the delay a call always makes, or nil.
func (r *Result) call(call *ast.CallExpr) *delays {
	fn, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if IsSleep(fn) && len(call.Args) == 1 {
		d, isConst := Duration(r.pass.TypesInfo, call.Args[0])
		return &delays{Nanos: int64(d), Const: isConst}
	}
	return r.of(fn)
}

// IsSleep reports whether fn is time.Sleep.
func IsSleep(fn *types.Func) bool {
	return isTimeFunc(fn) && fn.Name() == "Sleep"
}

// timerFuncs are the time functions whose channel fires after their
// duration argument.
var timerFuncs = map[string]bool{"After": true, "Tick": true, "NewTimer": true, "NewTicker": true}

// Timer reports whether receiving from x waits for a timer, and for how
// long (see Duration): time.After(d), time.Tick(d), or the C of a
// time.NewTimer(d) or time.NewTicker(d), in place or held in a variable:
// assigned returns the values assigned to the variable an expression
// names, and whether it names one the caller follows.
func Timer(info *types.Info, x ast.Expr, assigned func(ast.Expr) ([]ast.Expr, bool)) (d time.Duration, isConst, ok bool) {
	x = ast.Unparen(x)
	if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "C" {
		if values, isVar := assigned(sel.X); isVar {
			for _, e := range values {
				if d, isConst, ok := timerCall(info, e); ok {
					return d, isConst, true
				}
			}
			return 0, false, false
		}
		x = sel.X // time.NewTimer(d).C
	}
	return timerCall(info, x)
}

// timerCall reports whether e is a call of a timer function of package
// time, and its duration.
func timerCall(info *types.Info, e ast.Expr) (time.Duration, bool, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return 0, false, false
	}
	if fn, _ := typeutil.Callee(info, call).(*types.Func); isTimeFunc(fn) && timerFuncs[fn.Name()] {
		d, isConst := Duration(info, call.Args[0])
		return d, isConst, true
	}
	return 0, false, false
}

// Duration returns the value of a duration expression, if it is constant.
func Duration(info *types.Info, e ast.Expr) (time.Duration, bool) {
	tv := info.Types[e]
	if tv.Value == nil {
		return 0, false
	}
	v, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return time.Duration(v), exact
}

func isTimeFunc(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "time" && fn.Type().(*types.Signature).Recv() == nil
}

// packageAssignments returns the values assigned to v, a package-level
// variable of this package, anywhere in the package, found in one walk of
// it the first time they are needed.
func (r *Result) packageAssignments(v *types.Var) []ast.Expr {
	if r.pkgAssigns == nil {
		r.pkgAssigns = make(map[*types.Var][]ast.Expr)
		for _, f := range r.pass.Files {
			collectAssignments(r.pass.TypesInfo, f, true, func(w *types.Var, value ast.Expr) {
				if w.Parent() == w.Pkg().Scope() {
					r.pkgAssigns[w] = append(r.pkgAssigns[w], value)
				}
			})
		}
	}
	return r.pkgAssigns[v]
}

// assignments returns the values assigned to v in body, outside the
// function literals in it.
func assignments(info *types.Info, body *ast.BlockStmt, v *types.Var) []ast.Expr {
	var values []ast.Expr
	collectAssignments(info, body, false, func(w *types.Var, value ast.Expr) {
		if w == v {
			values = append(values, value)
		}
	})
	return values
}

// collectAssignments calls found for every value assigned to a variable
// under root, in function literals too if lits is set.
func collectAssignments(info *types.Info, root ast.Node, lits bool, found func(*types.Var, ast.Expr)) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return lits
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if w, ok := info.ObjectOf(id).(*types.Var); ok {
							found(w, n.Rhs[i])
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if w, ok := info.Defs[id].(*types.Var); ok {
						found(w, n.Values[i])
					}
				}
			}
		}
		return true
	})
}
