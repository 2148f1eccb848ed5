package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// gracefulRewrite is missing-sigterm's fix for a program that subscribes
// to nothing: it rewrites a server start written as the last statement of
// main into the shape of SPEC section 1. It handles
//
//	http.ListenAndServe(a, h)              srv.ListenAndServe()
//	log.Fatal(http.ListenAndServe(a, h))   log.Fatal(srv.ListenAndServe())
//	if err := <start>; err != nil { ... }
//
// and the TLS and Serve variants. What the original did on a serve error
// is kept (a bare start, which ignored it, now exits with log.Fatal); an
// if statement whose body does not end by exiting gets no fix.
//
// The comments that belong to the statement, the lines right above it
// and one at the end of its line (stmtComments), move with the start
// into the goroutine, above the statement that now serves: left where
// they were, above the new block or after its last line, they would
// describe the delay and the drain. They are the user's words, so they
// are kept verbatim rather than dropped, even when they said something
// only the old statement did ("serve forever"); a comment set apart by a
// blank line is about more than the statement and stays where it is.
func gracefulRewrite(p *program, cfg *Config, s *site) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	call, ok := s.expr.(*ast.CallExpr)
	if p.main == nil || s.node != p.main || !ok || s.callee != nil || len(p.starts()) != 1 {
		return none, false // the program's only server, started in main
	}
	list := p.main.body.List
	if len(list) == 0 {
		return none, false
	}
	stmt := list[len(list)-1]
	if startStatement(p, stmt) != call {
		return none, false // not the last statement of main
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return none, false
	}
	fn := p.callee(call)
	api, _ := serverRole(fn)
	if recvNamed(fn) != nil {
		api = drainableAPI(fn)
	}
	if api == nil || recvNamed(fn) == nil && api.module != "net/http" {
		return none, false // a server we cannot drain, or cannot build
	}
	ed := p.editor(p.main.file, stmt.Pos())
	from, to, comments := p.stmtComments(p.main.file, list, stmt)
	indent := p.indentOf(stmt.Pos())
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, indent+format+"\n", args...)
	}

	// The server: the existing one, or an *http.Server built from the call.
	var srv, start string
	if recvNamed(fn) != nil {
		if !isPlainRef(p.pass.TypesInfo, sel.X) {
			return none, false // evaluating it twice could differ
		}
		srv = p.src(sel.X)
		start = p.src(call)
	} else {
		http := p.src(sel.X) + "." // how this file names net/http
		if _, ok := sel.X.(*ast.Ident); !ok {
			return none, false
		}
		srv = ed.fresh("srv")
		fields, startArgs, ok := serverFields(p, fn.Name(), call.Args)
		if !ok {
			return none, false
		}
		line("%s := &%sServer{%s}", srv, http, fields)
		start = srv + "." + fn.Name() + "(" + startArgs + ")"
	}

	// Serve in a goroutine, keeping the original's reaction to errors. A
	// start that returns http.ErrServerClosed when the drain begins must
	// not exit then; one that returns nil needs no exclusion.
	failed := func(err string) string {
		if api.onDrain != returnsClosedAtOnce {
			return err + " != nil"
		}
		return "!" + ed.pkg("errors") + "Is(" + err + ", " + ed.pkg("net/http") + "ErrServerClosed)"
	}
	line("go func() {")
	for _, c := range comments {
		line("\t%s", c)
	}
	switch st := stmt.(type) {
	case *ast.IfStmt:
		cond := p.src(st.Cond)
		if b, ok := st.Cond.(*ast.BinaryExpr); ok && b.Op.String() == "||" {
			cond = "(" + cond + ")"
		}
		init := st.Init.(*ast.AssignStmt)
		errName := p.src(init.Lhs[0])
		if st.Else != nil || !endsInExit(p, st.Body) {
			// In a goroutine, a body that does not exit would no longer
			// end the program on a serve error: leave it to the user.
			return none, false
		}
		if api.onDrain == returnsClosedAtOnce {
			cond += " && " + failed(errName)
		}
		line("\tif %s := %s; %s %s", errName, start, cond, reindent(p.src(st.Body), "\t"))
	case *ast.ExprStmt:
		exit := ed.pkg("log") + "Fatal"
		if outer := ast.Unparen(st.X).(*ast.CallExpr); outer != call {
			if len(outer.Args) != 1 {
				return none, false
			}
			exit = p.src(outer.Fun)
		}
		line("\tif err := %s; %s {", start, failed("err"))
		line("\t\t%s(err)", exit)
		line("\t}")
	default:
		return none, false
	}
	line("}()")
	b.WriteString("\n")

	// Wait for SIGTERM (or Ctrl-C), keep serving for the delay, drain.
	ctx, stop := ed.fresh("ctx"), ed.fresh("stop")
	context, signal, syscall, os := ed.pkg("context"), ed.pkg("os/signal"), ed.pkg("syscall"), ed.pkg("os")
	line("%s, %s := %sNotifyContext(%sBackground(), %sSIGTERM, %sInterrupt)", ctx, stop, signal, context, syscall, os)
	line("defer %s()", stop)
	line("<-%s.Done()", ctx)
	b.WriteString("\n")
	drain, method := ed.drainLines(api, cfg.Delay)
	for _, l := range append(drain, ed.drainStatement(api, srv, method)...) {
		line("%s", l)
	}

	text := strings.TrimPrefix(strings.TrimSuffix(b.String(), "\n"), indent) // the first line's indentation stays
	ed.edits = append(ed.edits, analysis.TextEdit{Pos: from, End: to, NewText: []byte(text)})
	return ed.fix("Handle SIGTERM: serve in a goroutine, then delay and " + api.drain), true
}

// stmtComments returns the comments that belong to stmt, a statement of
// list in file, and the range that holds them and stmt. They are the
// comment lines right above stmt, after the statement before it and with
// no blank line between, and a comment after stmt on its last line. Only
// comments that fit on one line are taken, so that they can be indented
// anew; the others stay where they are.
func (p *program) stmtComments(file *ast.File, list []ast.Stmt, stmt ast.Stmt) (from, to token.Pos, comments []string) {
	from, to = stmt.Pos(), stmt.End()
	tf := p.pass.Fset.File(stmt.Pos())
	after := token.NoPos // the end of the statement before stmt
	if i := slices.Index(list, stmt); i > 0 {
		after = list[i-1].End()
	}
	var trailing []string
	for _, cg := range file.Comments {
		switch {
		case cg.End() <= after || cg.Pos() >= stmt.Pos() && cg.Pos() < stmt.End() || !oneLineEach(cg):
			// before the statement above, inside stmt, or too long to move
		case cg.End() < stmt.Pos() && tf.Line(cg.End()) == tf.Line(stmt.Pos())-1 && p.startsLine(cg.Pos()):
			from = cg.Pos()
			comments = commentTexts(cg)
		case cg.Pos() >= stmt.End() && tf.Line(cg.Pos()) == tf.Line(stmt.End()) && tf.Line(cg.End()) == tf.Line(stmt.End()):
			to = cg.End()
			trailing = commentTexts(cg)
		}
	}
	return from, to, append(comments, trailing...)
}

// oneLineEach reports whether each comment of cg fits on one line.
func oneLineEach(cg *ast.CommentGroup) bool {
	for _, c := range cg.List {
		if strings.Contains(c.Text, "\n") {
			return false
		}
	}
	return true
}

func commentTexts(cg *ast.CommentGroup) []string {
	var texts []string
	for _, c := range cg.List {
		texts = append(texts, c.Text)
	}
	return texts
}

// serverFields returns the http.Server fields and the method arguments for
// a package-level start function's arguments.
func serverFields(p *program, name string, args []ast.Expr) (fields, startArgs string, ok bool) {
	field := func(key string, e ast.Expr) string {
		if id, ok := e.(*ast.Ident); ok && p.pass.TypesInfo.Uses[id] == types.Universe.Lookup("nil") {
			return ""
		}
		return key + ": " + p.src(e)
	}
	join := func(parts ...string) string {
		var out []string
		for _, s := range parts {
			if s != "" {
				out = append(out, s)
			}
		}
		return strings.Join(out, ", ")
	}
	switch {
	case name == "ListenAndServe" && len(args) == 2:
		return join(field("Addr", args[0]), field("Handler", args[1])), "", true
	case name == "ListenAndServeTLS" && len(args) == 4:
		return join(field("Addr", args[0]), field("Handler", args[3])), p.src(args[1]) + ", " + p.src(args[2]), true
	case name == "Serve" && len(args) == 2:
		return join(field("Handler", args[1])), p.src(args[0]), true
	case name == "ServeTLS" && len(args) == 4:
		return join(field("Handler", args[1])), p.src(args[0]) + ", " + p.src(args[2]) + ", " + p.src(args[3]), true
	}
	return "", "", false
}

// isPlainRef reports whether e is a variable or a chain of field
// selections from one (srv, app.srv), which can be evaluated twice.
func isPlainRef(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[x].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return isPlainRef(info, x.X)
		}
		_, ok := info.Uses[x.Sel].(*types.Var) // pkg.Var
		return ok
	}
	return false
}

// reindent adds prefix after every newline of a block's source text.
func reindent(src, prefix string) string {
	return strings.ReplaceAll(src, "\n", "\n"+prefix)
}

// endsInExit reports whether a block's last statement exits the process.
func endsInExit(p *program, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	es, ok := body.List[len(body.List)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && p.isExitCall(call)
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
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			e = s.Results[0] // return srv.ListenAndServe(), in a wrapper of main
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
