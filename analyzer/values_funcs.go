package analyzer

import (
	"go/ast"
	"go/types"
)

// Function values. A call through a variable, a struct field, a slice or
// map element or a parameter runs the functions that may have been
// stored there: closures, functions and method values of this package
// (whose summaries the walker composes in place of the call) and
// functions of other packages (srv.Shutdown stored as a method value).
// They are followed flow-insensitively through the package's assignments,
// declarations, call arguments, struct literal fields, appends and range
// statements: a closers slice, a Hook{OnStop: ...}, a run(stop) callback.

// A funcSet is what a function value may be.
type funcSet struct {
	local []*fnode      // functions and literals of this package
	ext   []*types.Func // functions of other packages
}

// maxFuncSet bounds a set: a value that may be anything is a value we do
// not follow.
const maxFuncSet = 16

func (s *funcSet) add(t funcSet) {
	for _, n := range t.local {
		if len(s.local) < maxFuncSet && !contains(s.local, n) {
			s.local = append(s.local, n)
		}
	}
	for _, fn := range t.ext {
		if len(s.ext) < maxFuncSet && !containsFunc(s.ext, fn) {
			s.ext = append(s.ext, fn)
		}
	}
}

func (s funcSet) empty() bool { return len(s.local) == 0 && len(s.ext) == 0 }

func containsFunc(fns []*types.Func, fn *types.Func) bool {
	for _, f := range fns {
		if f == fn {
			return true
		}
	}
	return false
}

// funcTargets returns the functions that calling the value of e may run.
func (m *values) funcTargets(e ast.Expr) funcSet {
	var s funcSet
	switch x := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		if n := m.byLit[x]; n != nil {
			s.local = []*fnode{n}
		}
	case *ast.Ident:
		s = m.objectTargets(m.pass.TypesInfo.Uses[x])
	case *ast.SelectorExpr:
		s = m.objectTargets(m.pass.TypesInfo.Uses[x.Sel]) // pkg.F, x.M, x.field
	case *ast.IndexExpr:
		s = m.funcTargets(x.X) // fs[i], byName[k]
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			s.add(m.funcTargets(elt))
		}
	case *ast.CallExpr:
		if isBuiltin(m.pass.TypesInfo, x.Fun, "append") {
			for _, a := range x.Args {
				s.add(m.funcTargets(a))
			}
		}
	}
	return s
}

// objectTargets returns what a function, or a variable holding functions,
// may run.
func (m *values) objectTargets(obj types.Object) funcSet {
	switch obj := obj.(type) {
	case *types.Func:
		fn := obj.Origin()
		if fn.Pkg() != m.pass.Pkg {
			return funcSet{ext: []*types.Func{fn}}
		}
		if n := m.byFunc[fn]; n != nil {
			return funcSet{local: []*fnode{n}}
		}
	case *types.Var:
		return m.varTargets(obj)
	}
	return funcSet{}
}

// varTargets returns the functions a variable (or field, or parameter)
// may hold: the union over what flows into it. A variable whose own
// resolution is in progress (a cycle) adds nothing more.
func (m *values) varTargets(v *types.Var) funcSet {
	if s, ok := m.varFuncs[v]; ok {
		return s
	}
	m.varFuncs[v] = funcSet{} // in progress
	var s funcSet
	for _, f := range m.flowsTo[v] {
		if f.idx == 0 {
			s.add(m.funcTargets(f.src))
		}
	}
	for _, f := range m.elemsTo[v] {
		s.add(m.funcTargets(f.src))
	}
	m.varFuncs[v] = s
	return s
}
