package analyzer

import (
	"go/ast"
	"slices"
	"time"
)

// A handlerPath is what runs after a wait point: the events that follow
// it in the function that waits (same-package callees inlined), up to a
// second receive from a signal channel, which starts the force-quit path
// ("press Ctrl-C again to exit now") that no check looks at.
type handlerPath struct {
	entry  *fnode
	wait   event
	events []event // on main's path, evReturn events mean the process exits
}

// handlerPaths returns the handler paths of the program, one per function
// that runs and waits for a termination signal.
func (p *program) handlerPaths() []*handlerPath {
	if p.paths != nil {
		return p.paths
	}
	p.paths = []*handlerPath{}
	late := p.lateGoroutines()
	for _, n := range p.nodes {
		if !p.runs[n] || n.body == nil || late[n] {
			continue // (a goroutine started after the signal waits for a second one: the force-quit path)
		}
		evs := p.eventsOf(n)
		i := slices.IndexFunc(evs, func(e event) bool { return e.kind == evWait })
		if i < 0 {
			continue
		}
		if p.waitsInWrapper(n, evs[i]) {
			continue // the wrapper's own path is the one to judge
		}
		path := &handlerPath{entry: n, wait: evs[i]}
		rest := slices.Clone(evs[i+1:])
		if j := slices.IndexFunc(rest, func(e event) bool { return e.kind == evWait && e.wait&valChan != 0 }); j >= 0 {
			rest = rest[:j]
		}
		if !p.exitsOnReturn()[n] {
			// A goroutine or helper returning ends nothing but itself.
			rest = slices.DeleteFunc(rest, func(e event) bool { return e.kind == evReturn })
		}
		path.events = rest
		p.paths = append(p.paths, path)
	}
	p.paths = append(p.paths, p.afterFuncPaths()...)
	p.paths = append(p.paths, p.runGroupPaths()...)
	p.paths = append(p.paths, p.libraryPaths()...)
	return p.paths
}

// runGroupPaths returns the handler paths of oklog/run groups: when the
// signal actor (run.SignalHandler, or an execute function that waits for
// the signal) returns, the group calls every actor's interrupt function,
// in the order they were added, and its Run returns once every actor has.
// The path of a group (the actors added in one function) starts at its
// first signal actor's wait and runs what that actor does after it, the
// interrupts, what each other execute function that waits (for the
// signal, or for what its interrupt relays: Prometheus's web actor) does
// after its wait, then what follows Run.
func (p *program) runGroupPaths() []*handlerPath {
	var paths []*handlerPath
	grouped := make(map[*fnode]bool)
	for _, signal := range p.actors {
		if grouped[signal.node] || !p.runs[signal.node] || !p.isSignalActor(signal.expr.(*ast.CallExpr)) {
			continue
		}
		grouped[signal.node] = true
		var actors []*ast.CallExpr
		for _, a := range p.actors {
			if call := a.expr.(*ast.CallExpr); a.node == signal.node && len(call.Args) == 2 {
				actors = append(actors, call)
			}
		}
		afterWait := func(call *ast.CallExpr) []event {
			var evs []event
			for _, f := range p.funcTargets(call.Args[0]).local {
				all := p.eventsOf(f)
				if i := slices.IndexFunc(all, func(e event) bool { return e.kind == evWait }); i >= 0 {
					evs = append(evs, slices.DeleteFunc(slices.Clone(all[i+1:]), func(e event) bool { return e.kind == evReturn })...)
				}
			}
			return evs
		}
		var events []event
		first := signal.expr.(*ast.CallExpr)
		if len(first.Args) == 2 {
			events = afterWait(first) // (it returns, and so interrupts the rest, once this is done)
		}
		w := &walker{m: p.model, inCallee: true}
		for _, call := range actors {
			w.callValue(call, p.funcTargets(call.Args[1]))
		}
		events = append(events, w.events...)
		for _, call := range actors {
			if call != first {
				events = append(events, afterWait(call)...)
			}
		}
		events = append(events, p.afterGroupRun(signal.node)...)
		paths = append(paths, &handlerPath{entry: signal.node, wait: p.actorWait(signal), events: events})
	}
	return paths
}

// actorWait returns the wait point of a run.Group's signal actor: the
// wait in its execute function, or else (run.SignalHandler) the Add.
func (p *program) actorWait(signal site) event {
	add := signal.expr.(*ast.CallExpr)
	if len(add.Args) == 2 {
		for _, f := range p.funcTargets(add.Args[0]).local {
			if i := slices.IndexFunc(p.eventsOf(f), func(e event) bool { return e.kind == evWait }); i >= 0 {
				return p.eventsOf(f)[i]
			}
		}
	}
	return event{kind: evWait, node: add, wait: valDone}
}

// afterGroupRun returns what n does once its run.Group's Run returns,
// which it does when every interrupted actor has: the events of the
// statements after the one that calls Run, n's deferred calls, and its
// return, if that ends the process (main, os.Exit(run())).
func (p *program) afterGroupRun(n *fnode) []event {
	var run ast.Node
	for _, s := range p.groupRuns {
		if s.node == n {
			run = s.expr
			break
		}
	}
	if run == nil || n.body == nil {
		return nil
	}
	w := &walker{m: p.model}
	start := -1
	for _, s := range n.body.List {
		if w.ended {
			break
		}
		w.stmt = s
		w.statement(s)
		if start < 0 && within(run, s) {
			start = len(w.events)
		}
	}
	if start < 0 {
		return nil
	}
	if !w.ended {
		w.returns(nil)
	}
	rest := w.events[start:]
	if !p.exitsOnReturn()[n] {
		rest = slices.DeleteFunc(slices.Clone(rest), func(e event) bool { return e.kind == evReturn })
	}
	return rest
}

// waitsInWrapper reports whether n's wait point w lies in the body of
// another function whose return ends the process (see exitsOnReturn):
// main calling os.Exit(run()) waits inside run, whose path says it all.
func (p *program) waitsInWrapper(n *fnode, w event) bool {
	if within(w.node, n.body) {
		return false
	}
	for wrapper := range p.exitsOnReturn() {
		if wrapper != n && within(w.node, wrapper.body) {
			return true
		}
	}
	return false
}

// afterFuncPaths returns the handler paths of context.AfterFunc(ctx, f)
// calls that run, on a signal context: f runs when the signal arrives.
func (p *program) afterFuncPaths() []*handlerPath {
	var paths []*handlerPath
	for _, s := range p.afterFuncs {
		call := s.expr.(*ast.CallExpr)
		if !p.runs[s.node] || p.valueKind(call.Args[0], 0)&valCtx == 0 {
			continue
		}
		wait := event{kind: evWait, node: call, wait: valDone}
		for _, f := range p.funcTargets(call.Args[1]).local {
			events := slices.DeleteFunc(slices.Clone(p.eventsOf(f)), func(e event) bool { return e.kind == evReturn })
			paths = append(paths, &handlerPath{entry: f, wait: wait, events: events})
		}
	}
	return paths
}

// libraryPaths returns the handler paths that other packages' functions
// run in goroutines of their own (handles facts), or that the program
// runs in one (go lib.Run(ctx)), one per call that runs: judged as the
// program's, at the call.
func (p *program) libraryPaths() []*handlerPath {
	sites := slices.Clone(p.handlers)
	for _, n := range p.nodes {
		for _, call := range n.goes {
			if s := p.goHandler(n, call); s != nil {
				sites = append(sites, *s) // go lib.Run(ctx): the goroutine is the path
			}
		}
	}
	var paths []*handlerPath
	for _, s := range sites {
		call := s.expr.(*ast.CallExpr)
		h := new(handles)
		if !p.runs[s.node] || !p.pass.ImportObjectFact(s.callee, h) {
			continue
		}
		if h.Param >= 0 && !p.handlesAt(call, h) {
			continue // (not given a signal value)
		}
		w := &walker{m: p.model, inCallee: true}
		w.handler(call, s.callee, h)
		paths = append(paths, &handlerPath{entry: s.node, wait: w.events[0], events: w.events[1:]})
	}
	return paths
}

// drains reports whether some handler path of the program drains.
func (p *program) drains() bool {
	for _, path := range p.handlerPaths() {
		for _, e := range path.events {
			if e.kind == evDrain {
				return true
			}
		}
	}
	return false
}

// closeAPI returns the server API of an abrupt stop event.
func (p *program) closeAPI(e event) *serverAPI {
	api, _ := p.serverCall(e.call)
	return api
}

// hasDelay reports whether events hold a delay that counts: one of a
// duration known only at run time, or of at least minDelay.
func hasDelay(events []event, minDelay time.Duration) bool {
	for _, e := range events {
		if e.kind == evDelay && (!e.constDur || e.dur >= minDelay) {
			return true
		}
	}
	return false
}

// serverCall returns the server API of a direct call of one of its
// methods (a drain or close event's call), and the method's name.
func (p *program) serverCall(call *ast.CallExpr) (*serverAPI, string) {
	fn := p.callee(call)
	api, _ := serverRole(fn)
	return api, fn.Name()
}

// drainName names a drain event's call for messages: "Shutdown",
// "GracefulStop"; a drain through another function is "Shutdown".
func (p *program) drainName(e event) string {
	if e.call == nil {
		return "Shutdown"
	}
	_, name := p.serverCall(e.call)
	return name
}
