package analyzer

import (
	"go/ast"
	"go/types"
	"slices"
)

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
			m.relayed[e.relayVar] |= e.relay
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
		// An oklog/run group interrupts every actor when its signal
		// actor returns: what an actor's interrupt relays (Prometheus's
		// cancelWeb()) is relayed after the signal, for that actor. Only
		// a context that no other actor of the group uses counts: the
		// interrupts run one after another, so another actor's code may
		// use it before it is cancelled.
		actors := m.groupActors()
		for i, a := range actors {
			var others []*fnode
			for j, b := range actors {
				if j != i {
					others = append(append(others, b.execute...), b.interrupt...)
				}
			}
			for _, f := range a.interrupt {
				if f.body != nil {
					m.relaysAfterWait(f.body.List, true, func(e event) {
						if !m.usedIn(e.relayVar, others) {
							mark(e)
						}
					})
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

// isSignalActor reports whether a run.Group's Add call adds the signal
// actor: g.Add(run.SignalHandler(ctx, sigs...)) with a termination
// signal, or an execute function that waits for one.
func (m *model) isSignalActor(add *ast.CallExpr) bool {
	if len(add.Args) == 1 {
		call, ok := ast.Unparen(add.Args[0]).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := m.callee(call)
		if fn == nil || !isRunPackage(fn.Pkg()) || fn.Name() != "SignalHandler" {
			return false
		}
		sigs := sigAll
		if len(call.Args) > 1 {
			sigs = m.notifySignals(call, call.Args[1:])
		}
		return sigs.terminates()
	}
	if len(add.Args) != 2 {
		return false
	}
	for _, f := range m.funcTargets(add.Args[0]).local {
		if hasEvent(m.eventsOf(f), evWait) {
			return true
		}
	}
	return false
}

// A groupActor is an actor of an oklog/run group whose signal actor
// waits for a termination signal: its execute and interrupt functions.
type groupActor struct {
	execute, interrupt []*fnode
}

// groupActors returns the actors of the oklog/run groups whose signal
// actor waits for a termination signal: those added in the same function
// as the signal actor.
func (m *model) groupActors() []groupActor {
	var actors []groupActor
	grouped := make(map[*fnode]bool)
	for _, signal := range m.actors {
		if grouped[signal.node] || !m.isSignalActor(signal.expr.(*ast.CallExpr)) {
			continue
		}
		grouped[signal.node] = true
		for _, a := range m.actors {
			if call := a.expr.(*ast.CallExpr); a.node == signal.node && len(call.Args) == 2 {
				actors = append(actors, groupActor{m.funcTargets(call.Args[0]).local, m.funcTargets(call.Args[1]).local})
			}
		}
	}
	return actors
}

// usedIn reports whether a use of v lies in the body of one of fns.
func (m *model) usedIn(v *types.Var, fns []*fnode) bool {
	for id, obj := range m.pass.TypesInfo.Uses {
		if obj == v && slices.ContainsFunc(fns, func(f *fnode) bool { return f.body != nil && within(id, f.body) }) {
			return true
		}
	}
	return false
}
