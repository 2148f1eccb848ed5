package analyzer

import (
	"go/ast"
	"go/token"
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
					fix, fixed := exclusionRewrite(p, x, call, start, returns)
					if p.exitsOnReturn()[n] {
						// Not exiting would return from main: wait for the drain too.
						fix, fixed = waitForDrainFix(p, n, x, start, call)
					}
					if fixed {
						d.SuggestedFixes = []analysis.SuggestedFix{fix}
					}
					r.report(checkExitBeforeDrain, d)
				}
			case *ast.IfStmt:
				// Have: if err := srv.ListenAndServe(); err != nil { log.Fatal(err) }.
				start, errVar := startInit(p, x.Init)
				if start == nil || p.startReturns(start) != returnsClosedAtOnce || excludesErrServerClosed(p, x.Cond) {
					return true // (a start that returns nil on a drain is not an error)
				}
				for _, s := range x.Body.List {
					if mentionsErrServerClosed(p, s) {
						break // if errors.Is(err, http.ErrServerClosed) { return }: the rest does not run on a drain
					}
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
	msg := "exit as soon as the server start returns, which is when Shutdown begins; exclude http.ErrServerClosed"
	if returns == returnsNilAtOnce {
		msg = "exit as soon as the server start returns nil, which is when Shutdown begins; exit only on an error"
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

// reportMainReturnsAfterStart reports a server start in the body of main
// (or of a wrapper of it, see exitsOnReturn) after which it ends without
// waiting for anything: it returns as soon as Shutdown begins, and the
// process exits mid-drain.
func reportMainReturnsAfterStart(p *program, r *reporter) {
	for _, n := range p.nodes {
		if !p.exitsOnReturn()[n] {
			continue
		}
		list := n.body.List
		for i, s := range list {
			start := startStatement(p, s)
			if start == nil || exitsWith(p, s) {
				continue // (log.Fatal(start()) is reported above, at the exit)
			}
			if r := p.startReturns(start); r != returnsClosedAtOnce && r != returnsNilAtOnce {
				continue // it returns when the drain is over, or may
			}
			if p.goesOn(list[i+1:]) {
				continue // it waits for something: the drain, we assume
			}
			if ifs, ok := s.(*ast.IfStmt); ok && p.goesOn(ifs.Body.List) {
				continue // if err := start(); errors.Is(err, http.ErrServerClosed) { <-drained }
			}
			drain, name := p.firstDrain()
			d := analysis.Diagnostic{
				Pos: start.Pos(), End: start.End(),
				Message: n.fn.Name() + " returns as soon as the server start returns, which is the moment " + name + " begins; " +
					"wait for " + name + " to return",
			}
			if drain != nil {
				d.Related = []analysis.RelatedInformation{related(drain, "the drain begins here")}
			}
			if fix, ok := waitForDrainFix(p, n, s, start, nil); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			r.report(checkExitBeforeDrain, d)
		}
	}
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

// excludesErrServerClosed reports whether an if condition on a server
// start's error is false when the error is http.ErrServerClosed:
// !errors.Is(err, http.ErrServerClosed), err != http.ErrServerClosed,
// and either in a conjunction. errors.Is(err, http.ErrServerClosed) and
// err == http.ErrServerClosed are the inverted guard: true exactly on a
// drain. A condition that refers to it in a way we do not know (a helper
// taking it) counts as excluding it.
func excludesErrServerClosed(p *program, cond ast.Expr) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return excludesErrServerClosed(p, c.X) || excludesErrServerClosed(p, c.Y)
		case token.LOR:
			return excludesErrServerClosed(p, c.X) && excludesErrServerClosed(p, c.Y)
		case token.EQL:
			return false
		case token.NEQ:
			return mentionsErrServerClosed(p, c)
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT && isErrorsIs(p, c.X) {
			return mentionsErrServerClosed(p, c.X)
		}
	case *ast.CallExpr:
		if isErrorsIs(p, c) {
			return false
		}
	}
	return mentionsErrServerClosed(p, cond)
}

// isErrorsIs reports whether e is a call of errors.Is.
func isErrorsIs(p *program, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := p.callee(call)
	return fn != nil && isPackageFunc(fn, "errors", "Is")
}

// mentionsErrServerClosed reports whether n refers to http.ErrServerClosed.
func mentionsErrServerClosed(p *program, e ast.Node) bool {
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
	if errVar == nil || errVar.Name() == "_" || mentionsErrServerClosed(p, ifs.Cond) {
		return analysis.SuggestedFix{}, false // (an inverted guard: rewrite it by hand)
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

// waitForDrainFix makes main (or a wrapper of it, n) wait for the drain
// once the server start in its statement stmt returns because the drain
// began. The drain must run in a function literal started in n's body
// before stmt, by a go statement or context.AfterFunc; the fix closes a
// channel when that literal returns and receives from it after the start:
//
//	drained := make(chan struct{})
//	go func() {
//		defer close(drained)
//		... srv.Shutdown(ctx)
//	}()
//	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
//		log.Fatal(err) // exit, when the start was wrapped in one
//	}
//	<-drained
//
// A bare start keeps ignoring its failures: it waits only when the server
// was shut down.
func waitForDrainFix(p *program, n *fnode, stmt ast.Stmt, start, exit *ast.CallExpr) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	if p.startReturns(start) != returnsClosedAtOnce {
		return none, false
	}
	lit, launch := p.drainLauncher(n, stmt)
	if lit == nil || len(lit.Body.List) == 0 {
		return none, false
	}
	ed := p.editor(p.fileOfPos(stmt.Pos()), launch.Pos())
	drained := ed.fresh("drained")
	ed.insertBefore(launch, drained+" := make(chan struct{})")
	ed.insertBefore(lit.Body.List[0], "defer close("+drained+")")
	errVar := ed.fresh("err")
	closed := ed.pkg("errors") + "Is(" + errVar + ", " + ed.pkg("net/http") + "ErrServerClosed)"
	indent := p.indentOf(stmt.Pos())
	switch {
	case exit != nil && len(exit.Args) == 1:
		// Have: log.Fatal(srv.ListenAndServe()).
		ed.replace(stmt, "if "+errVar+" := "+p.src(start)+"; !"+closed+" {\n"+
			indent+"\t"+p.src(exit.Fun)+"("+errVar+")\n"+indent+"}\n"+indent+"<-"+drained)
	case isStmtCall(stmt, start):
		// Have: srv.ListenAndServe().
		ed.replace(stmt, "if "+errVar+" := "+p.src(start)+"; "+closed+" {\n"+
			indent+"\t<-"+drained+"\n"+indent+"}")
	case isReturnOf(stmt, start):
		// Have: return srv.ListenAndServe(), in a wrapper returning an error.
		if res := n.fn.Type().(*types.Signature).Results(); res.Len() != 1 || !types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type()) {
			return none, false
		}
		ed.replace(stmt, "if "+errVar+" := "+p.src(start)+"; !"+closed+" {\n"+
			indent+"\treturn "+errVar+"\n"+indent+"}\n"+indent+"<-"+drained+"\n"+indent+"return nil")
	case exit == nil:
		// Have: if err := srv.ListenAndServe(); ... { ... }, or err := ...
		ed.edits = append(ed.edits, insertAt(stmt.End(), "\n"+indent+"<-"+drained))
	default:
		return none, false
	}
	return ed.fix("Wait for the drain to finish before returning from " + n.fn.Name()), true
}

// drainLauncher returns the function literal holding the program's first
// drain, and the statement of n's body before stmt that starts it (go
// func() {...}() or context.AfterFunc(ctx, func() {...})); or nil.
func (p *program) drainLauncher(n *fnode, stmt ast.Stmt) (*ast.FuncLit, ast.Stmt) {
	drain, _ := p.firstDrain()
	if drain == nil {
		return nil, nil
	}
	for _, s := range n.body.List {
		if s.Pos() >= stmt.Pos() {
			break
		}
		var lit *ast.FuncLit
		switch s := s.(type) {
		case *ast.GoStmt:
			lit, _ = ast.Unparen(s.Call.Fun).(*ast.FuncLit)
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && len(call.Args) == 2 {
				if fn := p.callee(call); fn != nil && isPackageFunc(fn, "context", "AfterFunc") {
					lit, _ = ast.Unparen(call.Args[1]).(*ast.FuncLit)
				}
			}
		}
		if lit != nil && within(drain, lit.Body) {
			return lit, s
		}
	}
	return nil, nil
}

// isReturnOf reports whether stmt is return call.
func isReturnOf(stmt ast.Stmt, call *ast.CallExpr) bool {
	ret, ok := stmt.(*ast.ReturnStmt)
	return ok && len(ret.Results) == 1 && ast.Unparen(ret.Results[0]) == call
}

// isStmtCall reports whether stmt is the call statement call.
func isStmtCall(stmt ast.Stmt, call *ast.CallExpr) bool {
	es, ok := stmt.(*ast.ExprStmt)
	return ok && ast.Unparen(es.X) == call
}
