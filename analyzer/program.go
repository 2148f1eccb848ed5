package analyzer

import (
	"go/ast"
	"go/types"
)

// A program is the part of package main's model that runs: what main,
// the init functions and the package-level initializers reach, plus what
// the initialization of every imported package does.
type program struct {
	*model
	cfg    *Config
	runs   map[*fnode]bool // reachable from the roots through calls edges
	mayRun map[*fnode]bool // reachable through calls and weak edges
	sigs   sigset          // every signal the program may subscribe to
	paths  []*handlerPath  // computed on first use
	exits  map[*fnode]bool // see exitsOnReturn; computed on first use

	fixNames   map[*types.Scope]map[string]bool // names fixes declare, per scope
	introduced map[*ast.CallExpr]string         // server variables fixes introduce, by start (introduceServer)
}

func (m *model) program(cfg *Config) *program {
	roots := []*fnode{m.init}
	if m.main != nil {
		roots = append(roots, m.main)
	}
	p := &program{
		model:  m,
		cfg:    cfg,
		runs:   reach(roots, func(n *fnode) []*fnode { return n.calls }),
		mayRun: reach(roots, withWeak),

		fixNames:   make(map[*types.Scope]map[string]bool),
		introduced: make(map[*ast.CallExpr]string),
	}
	for _, r := range roots {
		p.sigs |= r.reachedSigs
	}
	// Imported packages whose initialization subscribes.
	for _, f := range m.pass.AllPackageFacts() {
		if sub, ok := f.Fact.(*subscribes); ok && f.Package != m.pass.Pkg {
			p.sigs |= sub.Signals
		}
	}
	return p
}

// starts returns the server starts that run, in source order.
func (p *program) starts() []*site {
	var starts []*site
	for _, n := range p.nodes {
		if p.runs[n] {
			starts = append(starts, n.starts...)
		}
	}
	return starts
}

// subscriptions returns the subscriptions that may run, in source order.
func (p *program) subscriptions() []*subscription {
	var subs []*subscription
	for _, s := range p.subs {
		if p.mayRun[s.node] {
			subs = append(subs, s)
		}
	}
	return subs
}

// exitsOnReturn returns main and the program's own wrappers of it: the
// functions whose return ends the process because main ends right after
// calling them, as in os.Exit(run()), log.Fatal(run()),
// if err := run(); err != nil { log.Fatal(err) } or run() as main's last
// statement (SPEC 2: the start, wait and drain inside run are judged as
// if written in main). A wrapper's own wrappers are found the same way.
func (p *program) exitsOnReturn() map[*fnode]bool {
	if p.exits != nil {
		return p.exits
	}
	p.exits = make(map[*fnode]bool)
	if p.main == nil {
		return p.exits
	}
	work := []*fnode{p.main}
	for len(work) > 0 {
		n := work[len(work)-1]
		work = work[:len(work)-1]
		if p.exits[n] || n.body == nil {
			continue
		}
		p.exits[n] = true
		list := n.body.List
		for i, s := range list {
			// (A call followed by an exit of its own, wait(); os.Exit(0),
			// is judged at that exit, on main's path.)
			if w := p.wrapped(s); w != nil && !p.goesOn(list[i+1:]) && !p.mayExit(list[i+1:]) {
				work = append(work, w)
			}
		}
	}
	return p.exits
}

// wrapped returns the function of this package that statement s calls
// and after which s ends or exits: run() in run(), err := run(),
// os.Exit(run()), log.Fatal(run()), return run() and
// if err := run(); ... { ... }.
func (p *program) wrapped(s ast.Stmt) *fnode {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	case *ast.IfStmt:
		if init, ok := s.Init.(*ast.AssignStmt); ok && len(init.Rhs) == 1 && !p.goesOn(s.Body.List) {
			e = init.Rhs[0]
		}
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			e = s.Results[0]
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	if p.isExitCall(call) && len(call.Args) == 1 {
		if inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok {
			call = inner // os.Exit(run())
		}
	}
	fn := p.callee(call)
	if fn == nil || fn.Pkg() != p.pass.Pkg {
		return nil
	}
	return p.byFunc[fn]
}

// mayExit reports whether running stmts may exit the process.
func (p *program) mayExit(stmts []ast.Stmt) bool {
	return hasEvent(p.stmtEvents(stmts), evExit)
}

// goesOn reports whether running stmts may keep the process alive: they
// wait, block, delay or drain (anything but exiting or returning at once).
func (p *program) goesOn(stmts []ast.Stmt) bool {
	return hasEvent(p.stmtEvents(stmts), evWait, evBlock, evDelay, evDrain)
}

// isExitCall reports whether call ends the process: an exit, or a call of
// a function that does (the exits stage: a library's Fatal, a local
// fatal(err) helper).
func (p *program) isExitCall(call *ast.CallExpr) bool {
	return p.model.exits.Exits(p.callee(call))
}

// startInit matches "err := <server start>" in an if statement's init.
func startInit(p *program, init ast.Stmt) (*ast.CallExpr, *types.Var) {
	as, ok := init.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil, nil
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !p.isStartCall(call) {
		return nil, nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, _ := p.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return call, v
}

func (p *program) isStartCall(call *ast.CallExpr) bool {
	fn := p.callee(call)
	return fn != nil && (isServerStart(fn) || p.pass.ImportObjectFact(fn, new(startsServer)))
}
