package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// Signal values are the channels and contexts through which code learns
// that a termination signal arrived: a channel a terminating
// signal.Notify feeds, a context from a terminating signal.NotifyContext
// or derived from one, and the Done channel of such a context. They
// travel through variables, struct fields, parameters and results of this
// package's functions (followed flow-insensitively to a fixed point), and
// through results of other packages' functions (returnsSignal facts).
type valKind uint8

const (
	valChan valKind = 1 << iota // a channel fed by signal.Notify
	valCtx                      // a context cancelled by a signal
	valDone                     // the Done channel of such a context
)

// A flow says that dst may hold the idx'th value of src.
type flow struct {
	dst *types.Var
	src ast.Expr
	idx int
}

// recordFlows records the flows of an assignment or declaration.
func (m *model) recordFlows(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v := m.assignedVar(l)
		if v == nil {
			continue
		}
		switch {
		case len(lhs) == len(rhs):
			m.flows = append(m.flows, flow{v, rhs[i], 0})
		case len(rhs) == 1:
			m.flows = append(m.flows, flow{v, rhs[0], i}) // a, b := f()
		}
	}
}

// recordCall records the flows from a same-package call's arguments to
// the callee's parameters.
func (m *model) recordCall(fn *types.Func, call *ast.CallExpr) {
	sig := fn.Type().(*types.Signature)
	for i, arg := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		p := sig.Params().At(i)
		if sig.Variadic() && i >= sig.Params().Len()-1 {
			break
		}
		m.flows = append(m.flows, flow{p, arg, 0})
	}
}

// assignedVar returns the variable (local, package-level or struct field)
// an assignment to e writes, or nil.
func (m *model) assignedVar(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := m.pass.TypesInfo.ObjectOf(x).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := m.pass.TypesInfo.ObjectOf(x.Sel).(*types.Var)
		return v
	}
	return nil
}

// resolveSignalValues computes which variables hold signal values and
// which functions of this package return them.
func (m *model) resolveSignalValues() {
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

// A ret is a return statement of a declared function.
type ret struct {
	fn      *types.Func
	results []ast.Expr
}

func (m *model) resultCount(fn *types.Func) int {
	return fn.Type().(*types.Signature).Results().Len()
}

// valueKind returns what signal value the idx'th value of e may be.
func (m *model) valueKind(e ast.Expr, idx int) valKind {
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
// Shutdown(ctx) replaces the signal context that ctx held before). The
// flow-insensitive valueKind serves everywhere else.
func (m *model) kindAt(e ast.Expr, pos token.Pos) valKind {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return m.valueKind(e, 0)
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == m.pass.Pkg.Scope() {
		return m.valueKind(e, 0) // a field or package-level variable
	}
	var last *flow
	for i, f := range m.flows {
		if f.dst == v && f.src.Pos() < pos && f.src.Pos() > v.Pos() && (last == nil || f.src.Pos() > last.src.Pos()) {
			last = &m.flows[i]
		}
	}
	if last == nil {
		return m.valueKind(e, 0)
	}
	return m.valueKind(last.src, last.idx)
}

// contextDerivers are the context package's functions whose first result
// is done when their first argument is.
var contextDerivers = map[string]bool{
	"WithCancel": true, "WithCancelCause": true, "WithTimeout": true, "WithTimeoutCause": true,
	"WithDeadline": true, "WithDeadlineCause": true, "WithValue": true,
}

func (m *model) callValueKind(call *ast.CallExpr, idx int) valKind {
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
func (m *model) executesWithSignal() bool {
	if m.inExecute {
		return false // (cmd.ExecuteContext(cmd.Context()))
	}
	m.inExecute = true
	defer func() { m.inExecute = false }()
	return slices.ContainsFunc(m.executeCtx, func(call *ast.CallExpr) bool {
		return len(call.Args) == 1 && m.valueKind(call.Args[0], 0)&valCtx != 0
	})
}

// isCobraMethod reports whether fn is the named method of
// github.com/spf13/cobra's Command.
func isCobraMethod(fn *types.Func, name string) bool {
	recv := recvNamed(fn)
	return fn.Name() == name && recv != nil && recv.Obj().Name() == "Command" && inPackage(recv.Obj(), "github.com/spf13/cobra")
}

// callee returns the function a call statically calls, or nil.
func (m *model) callee(call *ast.CallExpr) *types.Func {
	id := calleeIdent(call.Fun)
	if id == nil {
		return nil
	}
	fn, _ := m.pass.TypesInfo.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

func isErrgroupWithContext(fn *types.Func) bool {
	return isPackageFunc(fn, "golang.org/x/sync/errgroup", "WithContext")
}

// isSignalChan reports whether receiving from e is a wait point: e is a
// signal channel or a signal context's Done channel.
func (m *model) isSignalChan(e ast.Expr) bool {
	return m.valueKind(e, 0)&(valChan|valDone) != 0
}

// recordCancel notes the cancel function of "ctx, cancel :=
// context.WithCancel(parent)" (or WithTimeout, WithDeadline, ...):
// calling it makes ctx done.
func (m *model) recordCancel(lhs, rhs []ast.Expr) {
	if len(lhs) != 2 || len(rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	if fn := m.callee(call); fn == nil || !inPackage(fn, "context") || !contextDerivers[fn.Name()] || fn.Name() == "WithValue" {
		return
	}
	ctx, cancel := m.assignedVar(lhs[0]), m.assignedVar(lhs[1])
	if ctx != nil && cancel != nil {
		m.cancels[cancel] = ctx
	}
}

// resolveRelays finds the channels and contexts that relay a signal: a
// channel sent to or closed, or a context cancelled, by a statement that
// runs whenever a wait point fires and right after it, with nothing in
// between that the checks look at (a delay, a drain, an exit, a blocking
// call, a branch):
//
//	go func() { <-sigs; close(quit) }()
//	go func() { errs <- fmt.Errorf("%s", <-sigs) }()
//	go func() { defer cancel(); <-sigs }()
//
// Receiving from such a channel, or from such a context's Done, is then a
// wait point too. Not relays: a send in a branch (if ctx.Err() == nil {
// errc <- err } reports a failure, not the signal), a close after a delay
// or a drain (net/http's documented close(idleConnsClosed) after Shutdown
// means "drained"), and a relay in a goroutine started after the signal,
// which waits for a second one (the force-quit idiom).
func (m *model) resolveRelays() {
	if !m.mayWait() {
		return
	}
	for {
		added := false
		mark := func(e event) {
			if e.relay&^m.sigVals[e.relayVar] != 0 {
				m.sigVals[e.relayVar] |= e.relay
				added = true
			}
		}
		late := m.lateGoroutines()
		for _, n := range m.nodes {
			if n.body == nil || late[n] {
				continue
			}
			for i, l := range m.statementLists(n.body) {
				if m.relaysAfterWait(l.stmts, l.waited, mark) && i == 0 { // (0: the body's own list)
					// The function returns right after the relays: its
					// deferred relays run then (defer cancel()).
					for _, s := range l.stmts {
						if d, ok := s.(*ast.DeferStmt); ok {
							evs, _ := m.simpleEvents(&ast.ExprStmt{X: d.Call})
							for _, e := range evs {
								if e.kind == evRelay {
									mark(e)
								}
							}
						}
					}
				}
			}
		}
		if !added {
			return
		}
		m.resolveSignalValues()
		clear(m.evCache)
		clear(m.summaries)
	}
}

// relaysAfterWait marks the relays of the statements that follow the
// list's first wait statement, up to the first statement that does
// anything else, and reports whether it found a wait and reached the end
// of the list.
func (m *model) relaysAfterWait(list []ast.Stmt, waited bool, mark func(event)) bool {
	for _, s := range list {
		if _, ok := s.(*ast.DeferStmt); ok {
			continue // runs at return
		}
		evs, ok := m.simpleEvents(s)
		if !ok {
			if waited {
				return false // something happens before any further relay
			}
			continue
		}
		for _, e := range evs {
			if e.kind == evWait {
				waited = true
			} else if waited {
				mark(e)
			}
		}
	}
	return waited
}

// simpleEvents returns the events of s, and true, if s is a simple
// statement, a select, or an if without events, that always goes on to
// the next statement (no return, break, continue or goto inside), whose
// events are only waits and relays.
func (m *model) simpleEvents(s ast.Stmt) ([]event, bool) {
	switch s.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.SendStmt, *ast.DeclStmt, *ast.IncDecStmt, *ast.EmptyStmt:
	case *ast.IfStmt, *ast.SelectStmt:
		leaves := false
		ast.Inspect(s, func(x ast.Node) bool {
			switch x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt, *ast.BranchStmt:
				leaves = true
			}
			return !leaves
		})
		if leaves {
			return nil, false
		}
	default:
		return nil, false
	}
	w := &walker{m: m, inCallee: true}
	w.list([]ast.Stmt{s})
	if _, isIf := s.(*ast.IfStmt); isIf && len(w.events) > 0 {
		return nil, false // only stepped over: its waits (ctx.Err()) and relays are conditional
	}
	for _, e := range w.events {
		if e.kind != evWait && e.kind != evRelay {
			return nil, false
		}
	}
	return w.events, true
}

// A stmtList is a statement list that runs from its start whenever
// control reaches it; waited: only after a signal arrived (the body of a
// range over a signal channel, a switch case naming SIGTERM).
type stmtList struct {
	stmts  []ast.Stmt
	waited bool
}

// statementLists returns the statement lists of a function body: the body
// itself, the bodies of blocks, branches and clauses (not of function
// literals, which are nodes of their own).
func (m *model) statementLists(body *ast.BlockStmt) []stmtList {
	lists := []stmtList{{stmts: body.List}}
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.RangeStmt:
			if m.isSignalChan(x.X) {
				lists = append(lists, stmtList{x.Body.List, true})
				lists = append(lists, m.statementLists(x.Body)[1:]...) // what the body holds
				return false
			}
		case *ast.BlockStmt:
			if x != body {
				lists = append(lists, stmtList{stmts: x.List})
			}
		case *ast.CaseClause:
			lists = append(lists, stmtList{x.Body, m.namesTermination(x.List)})
		case *ast.CommClause:
			if x.Comm != nil {
				// The case's receive is the list's first statement.
				lists = append(lists, stmtList{stmts: append([]ast.Stmt{x.Comm}, x.Body...)})
			} else {
				lists = append(lists, stmtList{stmts: x.Body})
			}
		}
		return true
	})
	return lists
}

// lateGoroutines returns the function literals started by a go statement
// after their enclosing function has waited for the signal: a wait of
// theirs on a signal channel is a second signal.
func (m *model) lateGoroutines() map[*fnode]bool {
	late := make(map[*fnode]bool)
	for _, n := range m.nodes {
		if n.body == nil {
			continue
		}
		evs := m.eventsOf(n)
		i := slices.IndexFunc(evs, func(e event) bool { return e.kind == evWait && e.wait&valChan != 0 })
		if i < 0 || evs[i].node.Pos() < n.body.Pos() || evs[i].node.End() > n.body.End() {
			continue // no wait, or one inside an inlined callee: positions do not compare
		}
		waited := evs[i].node.Pos()
		ast.Inspect(n.body, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.GoStmt:
				if lit, ok := ast.Unparen(x.Call.Fun).(*ast.FuncLit); ok && x.Pos() > waited {
					late[m.byLit[lit]] = true
				}
			}
			return true
		})
	}
	return late
}
