package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// resolveSignalValues computes which variables hold signal values and
// which functions of this package return them.
func (m *values) resolveSignalValues() {
	// Seeds: the channels of terminating Notify calls.
	for _, s := range m.subs {
		if s.call != nil && isNotify(s.notify) && s.sigs.terminates() {
			if v := m.assignedVar(s.call.Args[0]); v != nil {
				m.sigVals[v] |= valChan
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, f := range m.flows {
			if k := m.valueKind(f.src, f.idx); k&^m.sigVals[f.dst] != 0 {
				m.sigVals[f.dst] |= k
				changed = true
			}
		}
		for _, r := range m.returns {
			n := m.resultCount(r.fn)
			ks := m.returnsSig[r.fn]
			if ks == nil {
				ks = make([]valKind, n)
				m.returnsSig[r.fn] = ks
			}
			for j := range n {
				var k valKind
				switch {
				case len(r.results) == n:
					k = m.valueKind(r.results[j], 0)
				case len(r.results) == 1:
					k = m.valueKind(r.results[0], j) // return f()
				}
				if k&^ks[j] != 0 {
					ks[j] |= k
					changed = true
				}
			}
		}
	}
}

func (m *values) resultCount(fn *types.Func) int {
	return fn.Type().(*types.Signature).Results().Len()
}

// valueKind returns what signal value the idx'th value of e may be.
func (m *values) valueKind(e ast.Expr, idx int) valKind {
	info := m.pass.TypesInfo
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			return m.sigVals[v] | m.assumedKind(v)
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok {
			return m.sigVals[v]
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return m.valueKind(x.X, idx)
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return m.valueKind(x.Args[0], idx) // a conversion: (<-chan os.Signal)(c)
		}
		return m.callValueKind(x, idx)
	}
	return 0
}

// kindAt is valueKind for a use of e at pos: when e is a local variable,
// the value of its last assignment before pos in the source decides
// (ctx, cancel = context.WithTimeout(context.Background(), ...) before
// Shutdown(ctx) replaces the signal context that ctx held before), or,
// in a function literal that captures it, what all its values are. The
// flow-insensitive valueKind serves everywhere else.
func (m *values) kindAt(e ast.Expr, pos token.Pos) valKind {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return m.valueKind(e, 0)
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == m.pass.Pkg.Scope() {
		return m.valueKind(e, 0) // a field or package-level variable
	}
	flows := m.flowsTo[v]
	if len(flows) > 0 && m.captured(v, pos) {
		// Have: v used in a function literal that captures it, which
		// may run after any assignment to v (stop := func() {
		// srv.Shutdown(ctx) } before ctx = a fresh timeout context):
		// only what every value of v is.
		k := ^valKind(0)
		for _, f := range flows {
			k &= m.valueKind(f.src, f.idx)
		}
		return k | m.relayedOnly(v)
	}
	var last *flow
	for i, f := range flows {
		if f.src.Pos() < pos && f.src.Pos() > v.Pos() && (last == nil || f.src.Pos() > last.src.Pos()) {
			last = &flows[i]
		}
	}
	if last == nil {
		return m.valueKind(e, 0)
	}
	return m.valueKind(last.src, last.idx) | m.relayedOnly(v)
}

// relayedOnly returns what a relay makes v (cancel() right after the
// wait makes the context that v holds done), if v is assigned only once:
// a context assigned to v later (a fresh timeout context) is another.
func (m *values) relayedOnly(v *types.Var) valKind {
	if len(m.flowsTo[v]) == 1 {
		return m.relayed[v]
	}
	return 0
}

// captured reports whether pos lies in a function literal that v is
// declared outside of.
func (m *values) captured(v *types.Var, pos token.Pos) bool {
	for lit := range m.byLit {
		if lit.Pos() <= pos && pos < lit.End() && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
			return true
		}
	}
	return false
}

func (m *values) callValueKind(call *ast.CallExpr, idx int) valKind {
	fn := m.callee(call)
	if fn == nil {
		return 0
	}
	switch {
	case isNotifyContext(fn):
		if s := m.subByCall[call]; s != nil && idx == 0 && s.sigs.terminates() {
			return valCtx
		}
		return 0
	case inPackage(fn, "context") && contextDerivers[fn.Name()]:
		if idx == 0 && len(call.Args) > 0 && m.valueKind(call.Args[0], 0)&valCtx != 0 {
			return valCtx
		}
		return 0
	case isCobraMethod(fn, "Context"):
		// Have: cmd.Context() in a command's Run; the context that
		// ExecuteContext was given.
		if idx == 0 && (m.cmdCtx || m.executesWithSignal()) {
			return valCtx
		}
		return 0
	case isErrgroupWithContext(fn):
		if idx == 1 && len(call.Args) > 0 && m.valueKind(call.Args[0], 0)&valCtx != 0 {
			return valCtx
		}
		return 0
	case fn.Name() == "Done":
		// Have: x.Done(); a signal context's Done channel.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && m.valueKind(sel.X, 0)&valCtx != 0 {
			return valDone
		}
		return 0
	}
	if fn.Pkg() == m.pass.Pkg {
		if ks := m.returnsSig[fn]; idx < len(ks) {
			return ks[idx]
		}
		return 0
	}
	var fact returnsSignal
	if m.pass.ImportObjectFact(fn, &fact) && idx < len(fact.Kinds) {
		return valKind(fact.Kinds[idx])
	}
	return 0
}

// executesWithSignal reports whether the package runs a cobra command
// tree with ExecuteContext (or ExecuteContextC) on a signal context: every
// command's Context() is then that context.
func (m *values) executesWithSignal() bool {
	if m.inExecute {
		return false // (cmd.ExecuteContext(cmd.Context()))
	}
	m.inExecute = true
	defer func() { m.inExecute = false }()
	return slices.ContainsFunc(m.executeCtx, func(call *ast.CallExpr) bool {
		return len(call.Args) == 1 && m.valueKind(call.Args[0], 0)&valCtx != 0
	})
}

// isSignalChan reports whether receiving from e is a wait point: e is a
// signal channel or a signal context's Done channel.
func (m *values) isSignalChan(e ast.Expr) bool {
	return m.valueKind(e, 0)&(valChan|valDone) != 0
}
