package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"time"

	"github.com/sigtermcheck/sigtermcheck/analyzer/delays"
	"github.com/sigtermcheck/sigtermcheck/analyzer/exits"
	"github.com/sigtermcheck/sigtermcheck/internal/syntax"
	"golang.org/x/tools/go/analysis"
)

// Summaries. The walker turns a function body into the events it
// performs, in execution order: arguments before calls, the bounded
// summary of each same-package callee (or function value) composed at its
// call, deferred calls at the return, and of a goroutine started here only
// its drains and the delays before them (it runs alongside), branches
// taken one after another. The checks read the events that follow a wait
// point: that is the handler path.
//
// Walking branches in sequence over-approximates what runs, which errs
// toward silence for the checks that need something before a drain (a
// delay in one branch counts) and stays precise for those that report
// something before a drain (an exit in any branch does exit).

// model is the third stage of the package's model: what each function
// does to termination (summaries.go), and the facts that carry it to
// other packages (facts_*.go), over the values and graph below it.
type model struct {
	*values

	exits  *exits.Result
	delays *delays.Result

	evCache     map[*fnode][]event // events of each node, walked on its own
	summaries   map[*fnode][]event // events of each node, seen from a caller (summaryOf)
	summarizing map[*fnode]bool
	assumed     *assumption // while exporting handles facts (facts_handlers.go)

	drainingMethods map[string][]*types.Func // by name: methods that drain or may drain (implementedByDrain)
	importsWaiters  *bool                    // memo of mayWait's look at imported facts
}

// newModel builds the package's model, stage after stage, and finds the
// channels and contexts that relay a signal (resolveRelays), which adds
// to the signal values.
func newModel(pass *analysis.Pass) *model {
	m := &model{
		values:      newValues(buildGraph(pass)),
		exits:       pass.ResultOf[exits.Analyzer].(*exits.Result),
		delays:      pass.ResultOf[delays.Analyzer].(*delays.Result),
		evCache:     make(map[*fnode][]event),
		summaries:   make(map[*fnode][]event),
		summarizing: make(map[*fnode]bool),
	}
	m.resolveRelays()
	return m
}

type event struct {
	kind   evKind
	node   ast.Node    // the call, receive or statement
	stmt   ast.Stmt    // the innermost statement of a block holding node
	callee *types.Func // the other package's function, if through a fact

	wait     valKind       // evWait: what was received from
	dur      time.Duration // evDelay: how long, if constDur
	constDur bool
	call     *ast.CallExpr // evDrain, evClose: the call, if direct
	relay    valKind       // evRelay: what relayVar becomes if this relays a signal
	relayVar *types.Var
	widened  bool       // evBlock: stands for the events a summary cut (see widen)
	param    *types.Var // evBlock: the function parameter called here
	handler  bool       // comes from callee's handler path (a handles fact)
	done     bool       // evDrain through a fact: given the signal context
	tree     *types.Var // through the command tree of this variable of another package (commandTree)
}

// givenSignalContextArg reports whether call's first argument is a
// signal context (cmd.ExecuteContext(ctx)).
func (m *model) givenSignalContextArg(call *ast.CallExpr) bool {
	return len(call.Args) > 0 && m.kindAt(call.Args[0], call.Pos())&valCtx != 0
}

// givenSignalContext reports whether e is a direct drain call given the
// signal context (or one derived from it), which is done by then.
func (m *model) givenSignalContext(e event) bool {
	return e.kind == evDrain && e.call != nil && len(e.call.Args) == 1 && m.kindAt(e.call.Args[0], e.call.Pos())&valCtx != 0
}

type walker struct {
	m        *model
	events   []event
	defers   [][]event // the events of deferred calls, in defer order
	stmt     ast.Stmt  // innermost block statement being walked
	ended    bool      // the current statement list cannot go on
	inCallee bool      // walking a callee in place of its call

	// received are the variables holding what a wait received (sig in
	// "for sig := range sigs"): a switch on one picks what to do per
	// signal or per relayed event.
	received map[*types.Var]bool
}

// eventsOf returns the events of n's body.
func (m *model) eventsOf(n *fnode) []event {
	if n.body == nil {
		return nil
	}
	cache, _ := m.caches(n)
	if evs, ok := cache[n]; ok {
		return evs
	}
	w := &walker{m: m}
	w.list(n.body.List)
	if !w.ended {
		w.returns(nil) // the closing brace
	}
	cache[n] = w.events
	return w.events
}

func (w *walker) emit(e event) {
	if e.stmt == nil {
		e.stmt = w.stmt
	}
	w.events = append(w.events, e)
}

func (w *walker) list(stmts []ast.Stmt) {
	outer := w.stmt
	for _, s := range stmts {
		if w.ended {
			break
		}
		w.stmt = s
		w.statement(s)
	}
	w.stmt = outer
}

func (w *walker) statement(s ast.Stmt) {
	switch s := s.(type) {
	case nil:
	case *ast.GoStmt:
		w.goroutine(s)
	case *ast.DeferStmt:
		// Runs when the function returns (not when it exits).
		d := &walker{m: w.m, inCallee: true, stmt: s}
		d.expr(s.Call)
		w.defers = append(w.defers, d.events)
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			w.expr(r)
		}
		w.returns(s)
		w.ended = true
	case *ast.BranchStmt:
		w.ended = true
	case *ast.BlockStmt:
		w.list(s.List)
	case *ast.LabeledStmt:
		w.statement(s.Stmt)
	case *ast.IfStmt:
		w.statement(s.Init)
		w.expr(s.Cond)
		w.list(s.Body.List)
		thenEnded := w.ended
		w.ended = false
		if s.Else != nil {
			w.statement(s.Else)
			w.ended = w.ended && thenEnded
		}
	case *ast.ForStmt:
		w.statement(s.Init)
		w.expr(s.Cond)
		w.list(s.Body.List)
		w.ended = false
		w.statement(s.Post)
	case *ast.RangeStmt:
		if k := w.m.valueKind(s.X, 0); k&(valChan|valDone) != 0 {
			w.emit(event{kind: evWait, node: s.X, wait: k})
			w.receives(s.Key)
		} else {
			w.expr(s.X)
		}
		w.list(s.Body.List)
		w.ended = false
	case *ast.SwitchStmt:
		w.statement(s.Init)
		w.expr(s.Tag)
		w.clauses(s.Body, w.onReceived(s.Tag))
	case *ast.AssignStmt:
		w.expr(s)
		if len(s.Lhs) <= 2 && len(s.Rhs) == 1 {
			// Have: sig := <-sigs (or sig, ok := <-sigs).
			if u, ok := ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW && w.m.isSignalChan(u.X) {
				w.receives(s.Lhs[0])
			}
		}
	case *ast.TypeSwitchStmt:
		w.statement(s.Init)
		w.statement(s.Assign)
		w.clauses(s.Body, false)
	case *ast.SelectStmt:
		w.selectStmt(s)
	case *ast.SendStmt:
		w.expr(s.Chan)
		w.expr(s.Value)
		w.relay(s, s.Chan, valChan)
	default:
		w.expr(s)
	}
}

// returns records that the walked function returns at ret (nil: at its
// closing brace): its deferred calls run, last first.
func (w *walker) returns(ret *ast.ReturnStmt) {
	if w.inCallee {
		return
	}
	for i := len(w.defers) - 1; i >= 0; i-- {
		w.events = append(w.events, w.defers[i]...)
	}
	e := event{kind: evReturn}
	if ret != nil {
		e.node = ret
	}
	w.emit(e)
}

// clauses walks a switch's clauses one after another. In a switch on a
// received signal or event (perSignal), a clause that neither names
// SIGTERM or SIGINT nor ends the handling (by returning or exiting) is
// for another signal or event: SIGHUP's reload, a tick. It does not run
// when the program is told to terminate, and is left out.
func (w *walker) clauses(body *ast.BlockStmt, perSignal bool) {
	fellThrough := false
	for _, c := range body.List {
		cc, ok := c.(*ast.CaseClause)
		if !ok {
			continue
		}
		from := fellThrough
		fellThrough = endsWith(cc.Body, token.FALLTHROUGH)
		if perSignal && !from && w.m.otherValues(cc.List) && !w.m.endsHandling(cc.Body) {
			continue
		}
		for _, e := range cc.List {
			w.expr(e)
		}
		w.list(cc.Body)
		w.ended = false
	}
}

// receives records that e, if a variable, holds what a wait received.
func (w *walker) receives(e ast.Expr) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := w.m.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
		if w.received == nil {
			w.received = make(map[*types.Var]bool)
		}
		w.received[v] = true
	}
}

// onReceived reports whether a switch tag is a variable holding what a
// wait received.
func (w *walker) onReceived(tag ast.Expr) bool {
	id, ok := ast.Unparen(tag).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := w.m.pass.TypesInfo.Uses[id].(*types.Var)
	return ok && w.received[v]
}

// otherValues reports whether a case list names only constants, none of
// them SIGTERM or SIGINT: syscall.SIGHUP, an event loop's evTick. A
// variable may hold anything (stopSignal), and default names nothing.
func (m *model) otherValues(list []ast.Expr) bool {
	if list == nil || m.namesTermination(list) {
		return false
	}
	for _, e := range list {
		if tv, ok := m.pass.TypesInfo.Types[e]; !ok || tv.Value == nil {
			return false
		}
	}
	return true
}

// endsWithBreak reports whether body ends with a break without a label.
func endsWithBreak(body []ast.Stmt) bool {
	if !endsWith(body, token.BREAK) {
		return false
	}
	return body[len(body)-1].(*ast.BranchStmt).Label == nil
}

func endsWith(body []ast.Stmt, tok token.Token) bool {
	if len(body) == 0 {
		return false
	}
	b, ok := body[len(body)-1].(*ast.BranchStmt)
	return ok && b.Tok == tok
}

// namesTermination reports whether a case list names SIGTERM, SIGINT or
// os.Interrupt.
func (m *model) namesTermination(list []ast.Expr) bool {
	for _, e := range list {
		if tv, ok := m.pass.TypesInfo.Types[e]; ok && tv.Value != nil && isSignalType(tv.Type) {
			if n, ok := constant.Int64Val(tv.Value); ok && (n == numSIGTERM || n == numSIGINT) {
				return true
			}
		}
		if id := calleeIdent(e); id != nil {
			if v, ok := m.pass.TypesInfo.Uses[id].(*types.Var); ok && v.Name() == "Interrupt" && inPackage(v, "os") {
				return true
			}
		}
	}
	return false
}

// endsHandling reports whether a clause body ends by leaving: a return,
// a labeled break or goto out of the loop, a call that exits or panics.
func (m *model) endsHandling(body []ast.Stmt) bool {
	if len(body) == 0 {
		return false
	}
	switch s := body[len(body)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Label != nil
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		return m.exits.CallExits(call)
	}
	return false
}

// selectStmt walks a select. A case receiving a termination signal is a
// wait point: its body is the handler path, the other cases are not. A
// select whose only ways on are timers is a delay.
func (w *walker) selectStmt(s *ast.SelectStmt) {
	var sigCase *ast.CommClause
	var sigKind valKind
	var sigRecv ast.Expr
	timersOnly, hasDefault := true, false
	var minDur time.Duration
	constDur := true
	for _, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		if cc.Comm == nil {
			hasDefault = true
			continue
		}
		u := syntax.RecvOperand(cc.Comm)
		if u == nil {
			timersOnly = false // a send
			continue
		}
		x := u.X
		if k := w.m.valueKind(x, 0); k&(valChan|valDone) != 0 {
			if sigCase == nil {
				sigCase, sigKind, sigRecv = cc, k, u
			}
			continue
		}
		d, isConst, ok := w.m.timer(x)
		if !ok {
			timersOnly = false
			continue
		}
		if !isConst {
			constDur = false
		} else if minDur == 0 || d < minDur {
			minDur = d
		}
	}
	waited := w.hasWaited()
	switch {
	case sigCase != nil && !waited:
		// Have: the wait point. Only its case is on the handler path.
		w.emit(event{kind: evWait, node: sigRecv, wait: sigKind})
		w.list(sigCase.Body)
		if endsWithBreak(sigCase.Body) {
			w.ended = false // break leaves the select only: what follows it runs
		}
		return
	case timersOnly && !hasDefault && (sigCase == nil || len(s.Body.List) > 1):
		w.emit(event{kind: evDelay, node: s, dur: minDur, constDur: constDur})
	case hasDefault && sigCase == nil:
		// Have: a poll (select with a default): it does not block.
	default:
		w.emit(event{kind: evBlock, node: s})
	}
	for _, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		if cc == sigCase {
			// A second signal during the delay: the force-quit path.
			w.emit(event{kind: evWait, node: sigRecv, wait: sigKind})
			continue
		}
		w.list(cc.Body)
		w.ended = false
	}
}

func (w *walker) hasWaited() bool { return hasEvent(w.events, evWait) }

// hasEvent reports whether events hold an event of one of the kinds.
func hasEvent(events []event, kinds ...evKind) bool {
	return slices.ContainsFunc(events, func(e event) bool { return slices.Contains(kinds, e.kind) })
}

// stmtEvents returns the events of stmts, walked as part of a caller.
func (m *model) stmtEvents(stmts []ast.Stmt) []event {
	w := &walker{m: m, inCallee: true}
	w.list(stmts)
	return w.events
}

// expr walks the calls and receives of an expression (or simple
// statement) in evaluation order.
func (w *walker) expr(root ast.Node) {
	if root == nil {
		return
	}
	ast.Inspect(root, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				w.expr(sel.X)
			}
			for _, a := range x.Args {
				w.expr(a)
			}
			if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
				w.inline(w.m.byLit[lit]) // func() { ... }()
			} else {
				w.call(x)
			}
			return false
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				w.expr(x.X)
				w.recv(x)
				return false
			}
		}
		return true
	})
}

// recv classifies a receive expression.
func (w *walker) recv(u *ast.UnaryExpr) {
	if k := w.m.valueKind(u.X, 0); k&(valChan|valDone) != 0 {
		w.emit(event{kind: evWait, node: u, wait: k})
		return
	}
	if d, isConst, ok := w.m.timer(u.X); ok {
		w.emit(event{kind: evDelay, node: u, dur: d, constDur: isConst})
		return
	}
	w.emit(event{kind: evBlock, node: u})
}

// call classifies a call.
func (w *walker) call(call *ast.CallExpr) {
	m := w.m
	fn := m.callee(call)
	if fn != nil {
		w.callFunc(call, fn, true)
		return
	}
	// Have: a call through a function value, or of a builtin.
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		switch obj := m.pass.TypesInfo.Uses[id].(type) {
		case *types.Var:
			if ctx := m.cancels[obj]; ctx != nil {
				w.emit(event{kind: evRelay, node: call, relay: valCtx, relayVar: ctx})
				return
			}
		case *types.Builtin:
			if obj.Name() == "close" && len(call.Args) == 1 {
				w.relay(call, call.Args[0], valChan)
			}
			return
		}
	}
	if targets := m.funcTargets(call.Fun); !targets.empty() {
		w.callValue(call, targets)
	} else if v := m.localVar(call.Fun); v != nil && m.params[v] {
		// A callback the caller passed in, from where we cannot see: it may drain.
		w.emit(event{kind: evBlock, node: call, param: v})
	}
}

// callValue composes what a call through a function value may run: each
// function that may be stored there, one after another.
func (w *walker) callValue(call *ast.CallExpr, targets funcSet) {
	for _, n := range targets.local {
		w.inline(n)
	}
	for _, fn := range targets.ext {
		w.callFunc(call, fn, false)
	}
}

// goroutine composes what a goroutine started here does that matters to
// the handler path it may be on: its drains and stops, and the delays
// before them, up to its first wait (which waits for a second signal).
// Its exits, and delays followed by no drain (a watchdog's
// time.Sleep(30*time.Second); os.Exit(1)), race the path rather than
// follow it, and are left out.
func (w *walker) goroutine(s *ast.GoStmt) {
	g := &walker{m: w.m, inCallee: true, stmt: s}
	g.expr(s.Call)
	w.concurrent(g.events)
}

// concurrent composes the events of a goroutine (see goroutine).
func (w *walker) concurrent(evs []event) {
	if i := slices.IndexFunc(evs, func(e event) bool { return e.kind == evWait }); i >= 0 {
		evs = evs[:i]
	}
	last := -1
	for i, e := range evs {
		if e.kind == evDrain || e.kind == evClose {
			last = i
		}
	}
	for _, e := range evs[:last+1] {
		if e.kind != evExit {
			w.emit(e)
		}
	}
}

// callFunc classifies a call of fn; direct: fn is what call.Fun names (not
// a function value that holds it).
func (w *walker) callFunc(call *ast.CallExpr, fn *types.Func, direct bool) {
	m := w.m
	drainCall := call
	if !direct {
		drainCall = nil // (no server to name or context to check through a value)
	}
	switch {
	case delays.IsSleep(fn):
		d, isConst := delays.Duration(m.pass.TypesInfo, call.Args[0])
		w.emit(event{kind: evDelay, node: call, dur: d, constDur: isConst})
		return
	case exits.Known(fn):
		w.emit(event{kind: evExit, node: call})
		return
	case isDrain(fn):
		w.emit(event{kind: evDrain, node: call, call: drainCall})
		return
	case isClose(fn) && direct:
		w.emit(event{kind: evClose, node: call, call: call})
		return
	case isOnceDo(fn) && len(call.Args) == 1:
		// once.Do(stop) runs stop now (or it has run already).
		w.callValue(call, m.funcTargets(call.Args[0]))
		return
	case isErrgroupGo(fn) && len(call.Args) == 1:
		// g.Go(f) runs f in a goroutine that g.Wait joins.
		g := &walker{m: m, inCallee: true, stmt: w.stmt}
		g.callValue(call, m.funcTargets(call.Args[0]))
		w.concurrent(g.events)
		return
	case direct && fn.Name() == "Err" && len(call.Args) == 0:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && m.valueKind(sel.X, 0)&valCtx != 0 {
			w.emit(event{kind: evWait, node: call, wait: valDone})
			return
		}
	}
	if fn.Pkg() == m.pass.Pkg && !isInterfaceMethod(fn) {
		m.assumeArgs(call, fn)
		w.inline(m.byFunc[fn])
		return
	}
	if !direct {
		return // (facts of another package's function value: not followed yet)
	}
	// A function of another package may wait for the signal (its own, or
	// the value it is given), then drain or exit, all in one call (a
	// library's Run(ctx)): its handles fact says what it does, in order.
	if h := new(handles); m.pass.ImportObjectFact(fn, h) && !h.Goroutine && m.handlesAt(call, h) {
		w.handler(call, fn, h)
		return
	}
	// A command of another package's tree may wait for the signal too,
	// then drain or exit (pkg.Root.ExecuteContext(ctx)).
	if v, tree := m.commandTreeAt(call, fn); tree != nil && tree.Waits && (!tree.Ctx || m.givenSignalContextArg(call)) {
		start := len(w.events)
		w.handler(call, fn, &handles{Param: -1, Events: tree.Events})
		for i := start; i < len(w.events); i++ {
			w.events[i].tree = v
		}
		return
	}
	// A function of another package may wait for the signal, then drain
	// or exit, all in one call (a library's Run, CatchSignals).
	waits := m.pass.ImportObjectFact(fn, new(waitsForSignal))
	if waits {
		w.emit(event{kind: evWait, node: call, callee: fn, wait: valDone})
		// Functions handed to it are callbacks it runs after the signal:
		// CatchSignals(func() { srv.Shutdown(ctx) }), CatchSignals(stop).
		for _, arg := range call.Args {
			if t := m.pass.TypesInfo.TypeOf(arg); t != nil {
				if _, isFunc := t.Underlying().(*types.Signature); isFunc {
					w.callValue(call, m.funcTargets(arg))
				}
			}
		}
	}
	if d, isConst, ok := m.delays.Of(fn); ok {
		w.emit(event{kind: evDelay, node: call, callee: fn, dur: d, constDur: isConst})
	}
	switch {
	case m.pass.ImportObjectFact(fn, new(drains)):
		w.emit(event{kind: evDrain, node: call, callee: fn})
	case fn.Pkg() != m.pass.Pkg && m.exits.Exits(fn):
		w.emit(event{kind: evExit, node: call, callee: fn})
	case isDrainLike(fn) || m.pass.ImportObjectFact(fn, new(mayDrain)) || m.implementedByDrain(fn):
		// An interface's Shutdown or Stop(ctx), or a method some type of
		// this package drains in: it may drain.
		w.emit(event{kind: evBlock, node: call, callee: fn})
	case (recvNamed(fn) != nil || isInterfaceMethod(fn)) && fn.Name() == "Wait":
		// A join (sync.WaitGroup, errgroup.Group, a library's Wait): what
		// it waits for may drain.
		w.emit(event{kind: evBlock, node: call, callee: fn})
	}
	// A concrete method of another package merely named Stop, Shutdown or
	// Close is known by its facts: without a drains fact it does not drain
	// (a container manager's Stop), and it waits for nothing.
}

// implementedByDrain reports whether fn is an interface method that a
// type of this package implements with a method that drains or may drain.
func (m *model) implementedByDrain(fn *types.Func) bool {
	if !isInterfaceMethod(fn) {
		return false
	}
	iface, ok := fn.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	if m.drainingMethods == nil {
		m.drainingMethods = make(map[string][]*types.Func)
		for _, n := range m.nodes {
			if n.fn != nil && recvNamed(n.fn) != nil && (n.reachesDrain || n.reachesMayDrain) {
				m.drainingMethods[n.fn.Name()] = append(m.drainingMethods[n.fn.Name()], n.fn)
			}
		}
	}
	for _, impl := range m.drainingMethods[fn.Name()] {
		t := impl.Type().(*types.Signature).Recv().Type()
		if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
			return true
		}
	}
	return false
}

// relay emits an evRelay event for a send to or close of ch, a variable.
func (w *walker) relay(node ast.Node, ch ast.Expr, k valKind) {
	if v := w.m.assignedVar(ch); v != nil {
		w.emit(event{kind: evRelay, node: node, relay: k, relayVar: v})
	}
}

// inline appends the summary of a same-package function in place of its
// call: never its body, so the cost of a call is bounded whatever lies
// below it (see summaryOf).
func (w *walker) inline(n *fnode) {
	if n == nil || n.body == nil {
		return
	}
	w.events = append(w.events, w.m.summaryOf(n)...)
}

// maxSummary bounds the events a function's summary keeps. The checks
// read a handler path from its start and stop at the first drain, exit,
// delay or blocking call, so what a callee does first is what matters; a
// summary that would be longer keeps its first events and ends in a
// widening evBlock ("and then something we do not follow"), which every
// check treats as a reason to stay quiet.
const maxSummary = 32

// summaryOf returns the events of n's body as seen from a caller: its own
// events, with the summaries of the functions it calls composed in place,
// cut to maxSummary. Each function is summarized once per package, so
// building all summaries is linear in the size of the package, and a
// chain of calls of any depth or fan-out costs no more than its length;
// a recursive call adds nothing.
func (m *model) summaryOf(n *fnode) []event {
	_, cache := m.caches(n)
	if evs, ok := cache[n]; ok {
		return evs
	}
	if m.summarizing[n] {
		return nil // recursion
	}
	m.summarizing[n] = true
	callee := &walker{m: m, inCallee: true}
	callee.list(n.body.List)
	delete(m.summarizing, n)
	evs := widen(callee.events)
	cache[n] = evs
	return evs
}

// widen cuts evs to maxSummary events, the last of which then stands for
// everything cut.
func widen(evs []event) []event {
	if len(evs) <= maxSummary {
		return slices.Clip(evs)
	}
	cut := evs[maxSummary-1]
	out := slices.Clone(evs[:maxSummary-1])
	return append(out, event{kind: evBlock, node: cut.node, stmt: cut.stmt, widened: true})
}

// timer reports whether receiving from x waits for a timer, and for how
// long (delays.Timer), following the variables of this package.
func (m *model) timer(x ast.Expr) (time.Duration, bool, bool) {
	return delays.Timer(m.pass.TypesInfo, x, func(x ast.Expr) ([]ast.Expr, bool) {
		if v := m.localVar(x); v != nil {
			return m.assigns[v], true
		}
		return nil, false
	})
}
