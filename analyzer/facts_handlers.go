package analyzer

import (
	"go/ast"
	"go/types"
	"slices"
	"time"
)

// Handler paths in library packages. A library function can hold a whole
// handler path that its caller cannot see in its own events: a goroutine
// it starts that waits for the signal and drains (go-httpbin's Serve), or
// a wait on the context or channel it is given (alertmanager's
// app.Run(ctx)). exportHandlers summarizes such a path as a handles fact;
// the program then judges it as its own, reported at its call
// (program paths: libraryPaths; inline, at the call: callFunc).

// exportHandlers exports a handles fact for every exported function of
// the package whose handler path its callers cannot see.
func (m *model) exportHandlers(canWait bool) {
	var waiter map[*fnode]handlerSource
	if canWait {
		waiter = m.goHandlers()
	}
	for _, n := range m.nodes {
		if n.fn == nil || !n.fn.Exported() || n.body == nil {
			continue
		}
		if h := m.handlerOf(n, waiter); h != nil {
			m.pass.ExportObjectFact(n.fn, h)
		}
	}
}

// handlerOf returns the handles fact of n, or nil.
func (m *model) handlerOf(n *fnode, waiter map[*fnode]handlerSource) *handles {
	params := n.fn.Type().(*types.Signature).Params()
	if waiter != nil && !m.fedSignal(n) {
		if evs := m.eventsOf(n); hasEvent(evs, evWait) {
			// Have: a wait on the package's own subscription in n.
			return &handles{Param: -1, Events: m.handlerEvents(evs, n.fn)}
		}
		if src := waiter[n]; src != (handlerSource{}) {
			// Have: such a wait in a goroutine n starts.
			return &handles{Param: -1, Goroutine: true, Events: m.events(src, n.fn)}
		}
	}
	if !n.reachesDrain && !n.reachesMayDrain {
		return nil // (nothing to judge after a wait on a parameter)
	}
	for i := range params.Len() {
		kind := paramSignalKind(params.At(i).Type())
		if kind == 0 {
			continue
		}
		if h := m.paramHandler(n, params.At(i), kind); h != nil {
			h.Param = i
			return h
		}
	}
	return nil
}

// fedSignal reports whether this package's own callers give a parameter
// of n a signal value (lib.Main calling Run(signalCtx)): it holds one only
// for them, so a wait in n may be on it, and n's facts are about that
// parameter (handles with Param), not about a wait on a subscription of
// its own (waitsForSignal, handles with Param -1) that every caller gets.
func (m *model) fedSignal(n *fnode) bool {
	for p := range n.fn.Type().(*types.Signature).Params().Variables() {
		if m.sigVals[p] != 0 {
			return true
		}
	}
	return false
}

// paramSignalKind returns the signal value a parameter of type t would be
// if the caller passed a signal's: a context, a channel of signals, or
// another receivable channel that is closed on the signal (stop <-chan
// struct{}). Zero: no signal value fits t.
func paramSignalKind(t types.Type) valKind {
	if isContextType(t) {
		return valCtx
	}
	ch, ok := types.Unalias(t).Underlying().(*types.Chan)
	switch {
	case !ok || ch.Dir() == types.SendOnly:
		return 0
	case isSignalListType(ch.Elem()):
		return valChan
	}
	return valDone
}

// paramHandler returns n's handler path if its parameter p held a signal
// value of the given kind: n's own events walked with p assumed to be
// one, or those of a function literal in n (a goroutine) that waits on p.
// The literals of n, and the same-package helpers it passes p to (see
// assumeArgs), are walked afresh under the assumption; everything else is
// composed from the summaries as they are.
func (m *model) paramHandler(n *fnode, p *types.Var, kind valKind) *handles {
	m.assumed = &assumption{
		roots:     []*fnode{n},
		vars:      map[*types.Var]valKind{p: kind},
		evCache:   make(map[*fnode][]event),
		summaries: make(map[*fnode][]event),
	}
	m.assumedVars = m.assumed.vars // (the values stage reads them)
	defer func() { m.assumed, m.assumedVars = nil, nil }()
	if evs := m.eventsOf(n); hasEvent(evs, evWait) {
		return &handles{Events: m.handlerEvents(evs, n.fn)}
	}
	seen := map[*fnode]bool{n: true}
	queue := []*fnode{n}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, c := range x.calls {
			if seen[c] || c.lit == nil || !within(c.lit, n.body) {
				continue
			}
			seen[c] = true
			if evs := m.eventsOf(c); hasEvent(evs, evWait) {
				return &handles{Goroutine: true, Events: m.handlerEvents(evs, n.fn)}
			}
			queue = append(queue, c)
		}
	}
	return nil
}

// An assumption is paramHandler's: while it holds, the parameters in
// vars are taken to hold signal values, and the events of the functions
// they belong to (roots) and of the literals in those are kept apart from
// the package's own. It starts with one parameter of the function being
// summarized and grows, a bounded number of times, to the parameters of
// the same-package functions it passes such a value to (alertmanager's
// Run(ctx) waits in serveLoop(ctx)).
type assumption struct {
	roots     []*fnode
	vars      map[*types.Var]valKind
	evCache   map[*fnode][]event
	summaries map[*fnode][]event
}

// maxAssumedRoots bounds the functions one assumption covers, so that
// summarizing a parameter costs a bounded number of walks.
const maxAssumedRoots = 8

// caches returns where n's events and summary are memoized: apart, for
// the nodes an assumption covers.
func (m *model) caches(n *fnode) (evCache, summaries map[*fnode][]event) {
	if a := m.assumed; a != nil && n.body != nil {
		for _, root := range a.roots {
			if within(n.body, root.body) {
				return a.evCache, a.summaries
			}
		}
	}
	return m.evCache, m.summaries
}

// assumeArgs extends the current assumption to the parameters of fn, a
// function of this package about to be composed at call, that the call
// passes an assumed signal value.
func (m *model) assumeArgs(call *ast.CallExpr, fn *types.Func) {
	a, callee := m.assumed, m.byFunc[fn]
	if a == nil || callee == nil || slices.Contains(a.roots, callee) || len(a.roots) >= maxAssumedRoots {
		return
	}
	params := fn.Type().(*types.Signature).Params()
	for i, arg := range call.Args {
		if i >= params.Len() {
			break
		}
		if p := params.At(i); m.sigVals[p] == 0 {
			if k := m.kindAt(arg, call.Pos()); k != 0 {
				a.vars[p] = k
				if !slices.Contains(a.roots, callee) {
					a.roots = append(a.roots, callee)
				}
			}
		}
	}
}

// handlesAt reports whether another package's handler path, inline in
// its function (not Goroutine), is the one a call of it runs: the call
// gives it a signal value for parameter Param, or it waits on its own
// subscription and is handed no function (a callback it may run on the
// handler path: callFunc's coarser reading of facts follows those).
func (m *model) handlesAt(call *ast.CallExpr, h *handles) bool {
	if h.Param >= 0 {
		return h.Param < len(call.Args) && m.kindAt(call.Args[h.Param], call.Pos()) != 0
	}
	return !slices.ContainsFunc(call.Args, func(arg ast.Expr) bool {
		t := m.pass.TypesInfo.TypeOf(arg)
		_, isFunc := t.Underlying().(*types.Signature)
		return isFunc
	})
}

// handlerEvents returns what a handler path does after the first wait of
// evs, for a fact: its delays, drains, closes, exits and other waits (and
// which of fn's function parameters it calls), up to a second receive
// from a signal channel (the force-quit path).
func (m *model) handlerEvents(evs []event, fn *types.Func) []handlerEvent {
	var params *types.Tuple
	if fn != nil {
		params = fn.Type().(*types.Signature).Params()
	}
	i := slices.IndexFunc(evs, func(e event) bool { return e.kind == evWait })
	var out []handlerEvent
	for _, e := range evs[i+1:] {
		switch e.kind {
		case evWait:
			if e.wait&valChan != 0 {
				return out
			}
		case evDelay, evDrain, evClose, evExit, evBlock:
			he := handlerEvent{Kind: e.kind, Nanos: int64(e.dur), Const: e.constDur, Done: e.done || m.givenSignalContext(e)}
			for j := range params.Len() {
				if e.param != nil && params.At(j) == e.param {
					he.Calls = j + 1 // (a callback: the caller knows what it does)
				}
			}
			out = append(out, he)
		}
	}
	return out
}

// A handlerSource is where the handler path of a goroutine is: the
// events of a node of this package that waits for a termination signal,
// or a call of another package's function whose handles fact says it
// starts such a goroutine (on its own subscription, or on the signal
// value the call gives it), or that a go statement runs.
type handlerSource struct {
	node *fnode
	site *site
}

// goHandlers returns, for every node, the handler path of a goroutine
// that the node starts, itself or through its callees or another
// package's function (go-httpbin's
// Serve, tusd's setupSignalHandler, mailpit's command tree calling
// storage.InitDB), or of a function it stores in a CLI command that the
// command's Execute will run (centrifugo's app.Centrifugo()), if any.
func (m *model) goHandlers() map[*fnode]handlerSource {
	// A wait followed by nothing that ends or drains anything (kine's
	// deferred rerr = ctx.Err(), a goroutine that only relays the signal
	// into a cancel) is no handler path: a callee's may be the one.
	waiter := firstReached(m.nodes, func(n *fnode) handlerSource {
		if evs := m.eventsOf(n); n.body != nil && hasEvent(evs, evWait) && len(m.handlerEvents(evs, nil)) > 0 {
			return handlerSource{node: n}
		}
		return handlerSource{}
	})
	sites := make(map[*fnode][]*site)
	for i, s := range m.handlers {
		sites[s.node] = append(sites[s.node], &m.handlers[i])
	}
	handed := make(map[*fnode][]*fnode)
	for _, h := range m.handOvers {
		handed[h.n] = append(handed[h.n], m.funcTargets(h.fun).local...)
	}
	return firstReached(m.nodes, func(n *fnode) handlerSource {
		for _, call := range n.goes {
			var t *fnode
			if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
				t = m.byLit[lit]
			} else if fn := m.callee(call); fn != nil {
				t = m.byFunc[fn]
			}
			if w := waiter[t]; t != nil && w.node != nil {
				return w
			}
			if s := m.goHandler(n, call); s != nil {
				return handlerSource{site: s}
			}
		}
		for _, t := range handed[n] {
			// Have: a command's Run that waits; the caller of the
			// command's Execute runs it, out of n's caller's sight.
			if w := waiter[t]; w.node != nil {
				return w
			}
		}
		for _, s := range sites[n] {
			// Have: a call of another package's function that starts the
			// goroutine, on its own subscription or on the signal value
			// the call gives it (kine's endpoint.Listen(ctx, ...)).
			h := new(handles)
			if m.pass.ImportObjectFact(s.callee, h) && len(h.Events) > 0 && (h.Param < 0 || m.handlesAt(s.expr.(*ast.CallExpr), h)) {
				return handlerSource{site: s}
			}
		}
		return handlerSource{}
	})
}

// goHandler returns the site of a go statement's call of another
// package's function that waits for the signal in the goroutine it runs
// in, then drains, closes, delays or exits (go metrics.Serve(ctx, ...)),
// or nil.
func (m *model) goHandler(n *fnode, call *ast.CallExpr) *site {
	fn := m.callee(call)
	if fn == nil || fn.Pkg() == m.pass.Pkg {
		return nil
	}
	h := new(handles)
	if !m.pass.ImportObjectFact(fn, h) || h.Goroutine || len(h.Events) == 0 || !m.handlesAt(call, h) {
		return nil
	}
	return &site{node: n, expr: call, callee: fn}
}

// events returns the handler path of src for a fact about fn.
func (m *model) events(src handlerSource, fn *types.Func) []handlerEvent {
	if src.node != nil {
		return m.handlerEvents(m.eventsOf(src.node), fn)
	}
	h := new(handles)
	m.pass.ImportObjectFact(src.site.callee, h)
	call := src.site.expr.(*ast.CallExpr)
	params := fn.Type().(*types.Signature).Params()
	out := slices.Clone(h.Events)
	for i, e := range out {
		if e.Calls == 0 {
			continue
		}
		// Have: the goroutine calls what the call hands over: one of
		// fn's parameters, or what fn's own callers cannot see.
		out[i].Calls = 0
		if arg := e.Calls - 1; arg < len(call.Args) {
			if v := m.localVar(call.Args[arg]); v != nil {
				for j := range params.Len() {
					if params.At(j) == v {
						out[i].Calls = j + 1
					}
				}
			}
		}
	}
	return out
}

// firstReached returns, for every node, own(v) for the first node v it
// reaches through its calls (itself first) for which that is not the
// zero value.
func firstReached[T comparable](nodes []*fnode, own func(*fnode) T) map[*fnode]T {
	reached := make(map[*fnode]T, len(nodes))
	sccs(nodes, func(n *fnode) []*fnode { return n.calls }, func(scc, succs []*fnode) {
		var w, none T
		for _, n := range scc {
			if w = own(n); w != none {
				break
			}
		}
		for _, s := range succs {
			if w != none {
				break
			}
			w = reached[s]
		}
		for _, n := range scc {
			reached[n] = w
		}
	})
	return reached
}

// handler composes another package's handler path as seen at call: a
// wait, then what the fact says, at the call; a function the call hands
// over and the path calls runs there.
func (w *walker) handler(call *ast.CallExpr, fn *types.Func, h *handles) {
	w.emit(event{kind: evWait, node: call, callee: fn, wait: valDone})
	for _, e := range h.Events {
		if i := e.Calls - 1; i >= 0 && i < len(call.Args) {
			w.callValue(call, w.m.funcTargets(call.Args[i]))
			continue
		}
		w.emit(event{kind: e.Kind, node: call, callee: fn, dur: time.Duration(e.Nanos), constDur: e.Const, done: e.Done, handler: true})
	}
}
