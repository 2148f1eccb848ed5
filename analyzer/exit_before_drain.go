package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// reportExitBeforeDrain reports, in a program that drains on some handler
// path, code that exits as soon as a server start returns (SPEC 3.3):
// Serve and ListenAndServe return http.ErrServerClosed the moment
// Shutdown begins, so the process dies while requests are draining.
func reportExitBeforeDrain(p *program, r *reporter) {
	if !p.drains() {
		return // starts return only on failure: exiting then is right
	}
	for _, n := range p.nodes {
		if !p.runs[n] || n.body == nil {
			continue
		}
		ast.Inspect(n.body, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.FuncLit:
				return false // a node of its own
			case *ast.ExprStmt:
				// Have: log.Fatal(srv.ListenAndServe()).
				call, ok := ast.Unparen(x.X).(*ast.CallExpr)
				if !ok || !p.isExitCall(call) {
					return true
				}
				for _, arg := range call.Args {
					start, ok := ast.Unparen(arg).(*ast.CallExpr)
					if !ok || !p.isStartCall(start) {
						continue
					}
					returns := p.startReturns(start)
					if returns != returnsClosedAtOnce && returns != returnsNilAtOnce {
						continue // gRPC's Serve returns once GracefulStop is over; a wrapper may too
					}
					d := exitBeforeDrainDiag(call, start, returns)
					if n != p.main {
						// (In main, main would return instead: reported below.)
						if fix, ok := exclusionRewrite(p, x, call, start, returns); ok {
							d.SuggestedFixes = []analysis.SuggestedFix{fix}
						}
					}
					r.report(checkExitBeforeDrain, d)
				}
			case *ast.IfStmt:
				// Have: if err := srv.ListenAndServe(); err != nil { log.Fatal(err) }.
				start, errVar := startInit(p, x.Init)
				if start == nil || p.startReturns(start) != returnsClosedAtOnce || mentionsErrServerClosed(p, x.Cond) {
					return true // (a start that returns nil on a drain is not an error)
				}
				for _, s := range x.Body.List {
					es, ok := s.(*ast.ExprStmt)
					if !ok {
						continue
					}
					if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && p.isExitCall(call) {
						d := exitBeforeDrainDiag(call, start, returnsClosedAtOnce)
						if fix, ok := exclusionCond(p, x, errVar); ok {
							d.SuggestedFixes = []analysis.SuggestedFix{fix}
						}
						r.report(checkExitBeforeDrain, d)
					}
				}
			}
			return true
		})
	}
	reportMainReturnsAfterStart(p, r)
}

func exitBeforeDrainDiag(exit, start *ast.CallExpr, returns startReturn) analysis.Diagnostic {
	msg := "exit as soon as the server start returns: it returns http.ErrServerClosed the moment Shutdown begins, " +
		"so the process dies while requests are draining; exclude http.ErrServerClosed"
	if returns == returnsNilAtOnce {
		msg = "exit as soon as the server start returns: it returns nil the moment Shutdown begins, " +
			"so the process dies while requests are draining; exit only on an error"
	}
	return analysis.Diagnostic{
		Pos: exit.Pos(), End: exit.End(),
		Message: msg,
		Related: []analysis.RelatedInformation{related(start, "the server start returns here")},
	}
}

// startReturns tells what a server start call returns once a drain
// begins. What a start through another function (a library's Serve)
// returns is unknown: it may map http.ErrServerClosed to nil, wrap a gRPC
// server, or wait for the drain.
func (m *model) startReturns(start *ast.CallExpr) startReturn {
	if api, r := serverRole(m.callee(start)); r == roleStart {
		return api.onDrain
	}
	return returnsUnknown
}

// reportMainReturnsAfterStart reports a server start in main's own body
// after which main ends without waiting for anything: it returns as soon
// as Shutdown begins, and the process exits mid-drain.
func reportMainReturnsAfterStart(p *program, r *reporter) {
	if p.main == nil {
		return
	}
	list := p.main.body.List
	for i, s := range list {
		start := startStatement(p, s)
		if start == nil || exitsWith(p, s) {
			continue // (log.Fatal(start()) is reported above, at the exit)
		}
		if r := p.startReturns(start); r != returnsClosedAtOnce && r != returnsNilAtOnce {
			continue // it returns when the drain is over, or may
		}
		w := &walker{m: p.model}
		w.list(list[i+1:])
		waits := false
		for _, e := range w.events {
			switch e.kind {
			case evWait, evBlock, evDelay, evDrain:
				waits = true
			}
		}
		if !waits {
			drain, name := p.firstDrain()
			d := analysis.Diagnostic{
				Pos: start.Pos(), End: start.End(),
				Message: "main returns as soon as the server start returns, which is the moment " + name + " begins: " +
					"the process exits while requests are draining; wait for " + name + " to return",
			}
			if drain != nil {
				d.Related = []analysis.RelatedInformation{related(drain, "the drain begins here")}
			}
			r.report(checkExitBeforeDrain, d)
		}
	}
}

// startStatement returns the server start that statement s of main makes
// in main's own goroutine, or nil.
func startStatement(p *program, s ast.Stmt) *ast.CallExpr {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.IfStmt:
		start, _ := startInit(p, s.Init)
		return start
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if p.isStartCall(call) {
			return call
		}
		if p.isExitCall(call) && len(call.Args) == 1 {
			if start, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok && p.isStartCall(start) {
				return start
			}
		}
	}
	return nil
}

// exitsWith reports whether s is an exit call statement: log.Fatal(...).
func exitsWith(p *program, s ast.Stmt) bool {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && p.isExitCall(call)
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

func (m *model) isStartCall(call *ast.CallExpr) bool {
	fn := m.callee(call)
	return fn != nil && (isServerStart(fn) || m.pass.ImportObjectFact(fn, new(startsServer)))
}

func (m *model) isExitCall(call *ast.CallExpr) bool {
	fn := m.callee(call)
	return fn != nil && (isExit(fn) || fn.Pkg() != m.pass.Pkg && m.cfgs.NoReturn(fn) && !isPackageFunc(fn, "runtime", "Goexit"))
}

// mentionsErrServerClosed reports whether e refers to http.ErrServerClosed.
func mentionsErrServerClosed(p *program, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(x ast.Node) bool {
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := p.pass.TypesInfo.Uses[id].(*types.Var); ok && v.Name() == "ErrServerClosed" && inPackage(v, "net/http") {
				found = true
			}
		}
		return !found
	})
	return found
}

// exclusionCond turns "if err := start(); COND {" into
// "if err := start(); COND && !errors.Is(err, http.ErrServerClosed) {".
func exclusionCond(p *program, ifs *ast.IfStmt, errVar *types.Var) (analysis.SuggestedFix, bool) {
	if errVar == nil || errVar.Name() == "_" {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(p.fileOfPos(ifs.Pos()), ifs.Cond.Pos())
	errors, http := ed.pkg("errors"), ed.pkg("net/http")
	cond := p.src(ifs.Cond)
	if _, ok := ifs.Cond.(*ast.BinaryExpr); ok && ifs.Cond.(*ast.BinaryExpr).Op.String() == "||" {
		cond = "(" + cond + ")"
	}
	ed.replace(ifs.Cond, cond+" && !"+errors+"Is("+errVar.Name()+", "+http+"ErrServerClosed)")
	return ed.fix("Do not exit when the server was shut down (http.ErrServerClosed)"), true
}

// exclusionRewrite turns "log.Fatal(srv.ListenAndServe())" into
// "if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { log.Fatal(err) }",
// or, for a start that returns nil on a drain, "log.Fatal(app.Listen(a))"
// into "if err := app.Listen(a); err != nil { log.Fatal(err) }".
func exclusionRewrite(p *program, stmt *ast.ExprStmt, exit, start *ast.CallExpr, returns startReturn) (analysis.SuggestedFix, bool) {
	if len(exit.Args) != 1 {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(p.fileOfPos(stmt.Pos()), stmt.Pos())
	err := ed.fresh("err")
	cond, msg := err+" != nil", "Exit only when the server fails"
	if returns == returnsClosedAtOnce {
		cond = "!" + ed.pkg("errors") + "Is(" + err + ", " + ed.pkg("net/http") + "ErrServerClosed)"
		msg = "Do not exit when the server was shut down (http.ErrServerClosed)"
	}
	indent := p.indentOf(stmt.Pos())
	ed.replace(stmt, "if "+err+" := "+p.src(start)+"; "+cond+" {\n"+
		indent+"\t"+p.src(exit.Fun)+"("+err+")\n"+indent+"}")
	return ed.fix(msg), true
}

// firstDrain returns the first drain on the program's handler paths and
// its name for messages ("Shutdown", "ShutdownWithTimeout").
func (p *program) firstDrain() (ast.Node, string) {
	for _, path := range p.handlerPaths() {
		for _, e := range path.events {
			if e.kind == evDrain {
				return e.node, p.drainName(e)
			}
		}
	}
	return nil, "Shutdown"
}
