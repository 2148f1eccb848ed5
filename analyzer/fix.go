package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Suggested fixes. Every fix is a list of minimal text edits computed from
// positions: the shared AST is never modified. Statements are inserted as
// whole lines before the statement that holds the reported call, with
// that statement's indentation, so the result is gofmt-clean.

// shutdownTimeout bounds the Shutdown that fixes introduce: 10s, or what
// the grace period leaves after the preStop hook and the fix's delay
// (Validate keeps that at least -min-drain).
func shutdownTimeout(cfg *Config) time.Duration {
	if cfg.GracePeriod == 0 {
		return 10 * time.Second
	}
	return min(10*time.Second, cfg.GracePeriod-cfg.PrestopDelay-cfg.Delay)
}

// delayComment explains an inserted delay.
const delayComment = "// let load balancers stop routing here before the listeners close"

// An editor collects the edits of one fix in one file.
type editor struct {
	p       *program
	file    *ast.File
	at      token.Pos // where names must be valid and fresh
	edits   []analysis.TextEdit
	imports []newImport       // to add, as one set of edits
	names   map[string]bool   // names the imports to add take
	added   map[string]string // import path -> name to use
}

func (p *program) editor(file *ast.File, at token.Pos) *editor {
	return &editor{p: p, file: file, at: at, names: make(map[string]bool), added: make(map[string]string)}
}

// pkg returns the qualifier for path ("time.", or "" if dot-imported),
// adding the import when the file has no usable one.
func (ed *editor) pkg(path string) string {
	name, ok := ed.added[path]
	if !ok {
		var spec string
		name, spec = resolveImport(ed.p.pass, ed.file, ed.at, path, ed.names)
		if spec != "" {
			ed.imports = append(ed.imports, newImport{path, spec})
			ed.names[name] = true
		}
		ed.added[path] = name
	}
	if name == "" {
		return ""
	}
	return name + "."
}

// fresh returns base, or base with a number, such that the name denotes
// nothing at ed.at nor anywhere in the innermost scope there (a later
// declaration in the same block would clash with a := of ours), and no
// other fix of this pass declares it in that scope: drivers apply all
// fixes together.
func (ed *editor) fresh(base string) string {
	scope := innermostScope(ed.p.pass.TypesInfo, ed.file, ed.at)
	taken := ed.p.fixNames[scope]
	if taken == nil {
		taken = make(map[string]bool)
		ed.p.fixNames[scope] = taken
	}
	name := base
	for i := 2; taken[name] || lookup(scope, name, ed.at) != nil || (scope != nil && scope.Lookup(name) != nil); i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	taken[name] = true
	return name
}

// insertBefore inserts lines before stmt, each indented like stmt.
func (ed *editor) insertBefore(stmt ast.Stmt, lines ...string) {
	indent := ed.p.indentOf(stmt.Pos())
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + "\n" + indent)
	}
	ed.edits = append(ed.edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(b.String())})
}

func (ed *editor) replace(n ast.Node, text string) {
	ed.edits = append(ed.edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)})
}

// fix returns the edits as a fix, with the imports that they refer to.
// An import asked for (ed.pkg) but not written into any edit would be an
// unused import, which does not compile: an editor applies a fix's edits
// as they are, without the import clean-up of go vet -fix.
func (ed *editor) fix(msg string) analysis.SuggestedFix {
	edits := ed.edits
	var imports []newImport
	for _, imp := range ed.imports {
		if name := ed.added[imp.path]; slices.ContainsFunc(edits, func(e analysis.TextEdit) bool { return refersTo(string(e.NewText), name) }) {
			imports = append(imports, imp)
		}
	}
	if len(imports) > 0 {
		edits = append(slices.Clip(edits), addImportEdits(ed.p.pass.Fset, ed.file, imports)...)
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}
}

// refersTo reports whether Go source text holds name followed by a dot,
// not as the end of a longer name (log. but not slog.).
func refersTo(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name+".")
		if j < 0 {
			return false
		}
		j += i
		if r, _ := utf8.DecodeLastRuneInString(text[:j]); j == 0 || !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return true
		}
		i = j + len(name)
	}
}

// indentOf returns the white space that precedes pos on its line.
func (m *model) indentOf(pos token.Pos) string {
	indent, ok := m.lineBefore(pos)
	if !ok {
		return "\t" // not first on its line
	}
	return indent
}

// startsLine reports whether only white space precedes pos on its line.
func (m *model) startsLine(pos token.Pos) bool {
	_, ok := m.lineBefore(pos)
	return ok
}

// lineBefore returns what precedes pos on its line, and whether that is
// white space only.
func (m *model) lineBefore(pos token.Pos) (string, bool) {
	tf := m.pass.Fset.File(pos)
	content, err := m.pass.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	line := string(content[tf.Offset(tf.LineStart(tf.Line(pos))):tf.Offset(pos)])
	return line, strings.TrimLeft(line, " \t") == ""
}

// durationExpr writes d as Go source, such as 15 * time.Second, as gofmt
// spaces it alone in a call's parentheses.
func durationExpr(d time.Duration, qual string) string {
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"}, {time.Millisecond, "Millisecond"}} {
		if d%u.unit == 0 {
			return fmt.Sprintf("%d * %s%s", d/u.unit, qual, u.name)
		}
	}
	return fmt.Sprintf("%d", int64(d))
}

// durationArg writes d as gofmt spaces it among other arguments: 10*time.Second.
func durationArg(d time.Duration, qual string) string {
	return strings.ReplaceAll(durationExpr(d, qual), " * ", "*")
}

// fileOfPos returns the file of the package holding pos.
func (m *model) fileOfPos(pos token.Pos) *ast.File {
	for _, f := range m.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// insertionPoint reports whether statements can be inserted before the
// statement holding e: not before a defer statement, whose call runs
// later than anything inserted before it.
func insertionPoint(e event) bool {
	_, deferred := e.stmt.(*ast.DeferStmt)
	return e.stmt != nil && !deferred
}

// insertDelayFix inserts time.Sleep(-delay) where it protects a drain
// (SPEC 3.4): before the statement that starts the drain's deadline when
// that follows the wait point, so the delay does not eat the time the
// drain has; otherwise before the statement holding the drain.
func insertDelayFix(p *program, cfg *Config, path *handlerPath, e event) (analysis.SuggestedFix, bool) {
	if !insertionPoint(e) {
		return analysis.SuggestedFix{}, false
	}
	at := e.stmt
	if s, _ := p.deadlineOf(e.node.(*ast.CallExpr), path.wait.node); s != nil {
		at = s
	}
	at = p.outsideLoops(at, path.wait.node)
	ed := p.editor(p.fileOfPos(at.Pos()), at.Pos())
	if ed.file == nil {
		return analysis.SuggestedFix{}, false
	}
	ed.insertBefore(at, ed.delayLine(cfg.Delay))
	return ed.fix("Insert a propagation delay before " + p.drainName(e)), true
}

// deadlineOf returns the statement that starts the deadline of a drain
// call's context, ctx, cancel := context.WithTimeout(...) (or WithDeadline),
// and its call, when it is the last assignment of the context variable
// the drain is given, in the drain's own function, and runs after the
// wait point; or nil.
func (p *program) deadlineOf(drain *ast.CallExpr, wait ast.Node) (ast.Stmt, *ast.CallExpr) {
	if drain == nil || len(drain.Args) == 0 {
		return nil, nil
	}
	id, ok := ast.Unparen(drain.Args[0]).(*ast.Ident)
	if !ok {
		return nil, nil
	}
	v, ok := p.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil, nil
	}
	var src ast.Expr // the last assignment of v before the drain
	for _, f := range p.flows {
		if f.dst == v && f.src.Pos() < drain.Pos() && (src == nil || f.src.Pos() > src.Pos()) {
			src = f.src
		}
	}
	call, ok := ast.Unparen(src).(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	if fn := p.callee(call); fn == nil || !inPackage(fn, "context") || !deadlineFuncs[fn.Name()] {
		return nil, nil
	}
	// Have: the deadline's call. It must be in the drain's function, and
	// after the wait: below it in the function that waits, or anywhere in
	// a function called after the wait.
	cur, ok := p.inspector.Root().FindNode(call)
	if !ok {
		return nil, nil
	}
	fn := p.enclosingNode(cur)
	if fn == nil || fn.body == nil || drain.Pos() < fn.body.Pos() || drain.End() > fn.body.End() {
		return nil, nil
	}
	if fn.body.Pos() <= wait.Pos() && wait.End() <= fn.body.End() {
		if call.Pos() < wait.End() {
			return nil, nil // started before the signal (SPEC 3.6)
		}
	} else if hasEvent(p.summaryOf(fn), evWait) {
		return nil, nil // it waits itself, in a callee: positions do not tell the order
	}
	// Insert before the statement of a statement list that holds it.
	for c := range cur.Enclosing() {
		switch c.ParentEdgeKind() {
		case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
			return c.Node().(ast.Stmt), call
		}
	}
	return nil, nil
}

// enclosingNode returns the node of the function or function literal
// holding cur, or nil.
func (m *model) enclosingNode(cur inspector.Cursor) *fnode {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := c.Node().(type) {
		case *ast.FuncLit:
			return m.byLit[f]
		case *ast.FuncDecl:
			fn, _ := m.pass.TypesInfo.Defs[f.Name].(*types.Func)
			return m.byFunc[fn]
		}
	}
	return nil
}

// outsideLoops returns the outermost loop statement that holds stmt and
// starts after the wait point (for _, c := range closers { c(ctx) }), or
// stmt: a delay belongs before the loop, not in each iteration.
func (p *program) outsideLoops(stmt ast.Stmt, wait ast.Node) ast.Stmt {
	cur, ok := p.inspector.Root().FindNode(stmt)
	if !ok {
		return stmt
	}
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch loop := c.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return stmt
		case ast.Stmt:
			if loop != stmt && loop.Pos() > wait.End() && p.fileOfPos(loop.Pos()) == p.fileOfPos(wait.Pos()) {
				stmt = loop
			}
		}
	}
	return stmt
}

// deadlineFuncs are the context functions that start a deadline.
var deadlineFuncs = map[string]bool{
	"WithTimeout": true, "WithTimeoutCause": true, "WithDeadline": true, "WithDeadlineCause": true,
}

// delayLine returns the statement that sleeps for the propagation delay.
func (ed *editor) delayLine(delay time.Duration) string {
	t := ed.pkg("time")
	return t + "Sleep(" + durationExpr(delay, t) + ") " + delayComment
}

// shutdownContext inserts, before stmt, the delay (if delay > 0) and a
// fresh timeout context, and returns the context's name.
func (ed *editor) shutdownContext(stmt ast.Stmt, delay time.Duration) string {
	lines := ed.shutdownLines(delay)
	ed.insertBefore(stmt, lines.text...)
	return lines.ctx
}

type shutdownLines struct {
	text []string
	ctx  string
}

// shutdownLines returns the delay (if delay > 0) and a fresh timeout
// context's declaration, as lines of source.
func (ed *editor) shutdownLines(delay time.Duration) shutdownLines {
	var lines []string
	if delay > 0 {
		lines = append(lines, ed.delayLine(delay))
	}
	t, c := ed.pkg("time"), ed.pkg("context")
	ctx, cancel := ed.fresh("shutdownCtx"), ed.fresh("cancel")
	lines = append(lines,
		fmt.Sprintf("%s, %s := %sWithTimeout(%sBackground(), %s)", ctx, cancel, c, c, durationArg(shutdownTimeout(ed.p.cfg), t)),
		"defer "+cancel+"()")
	return shutdownLines{lines, ctx}
}

// drainLines returns what drains a server of the given API under a
// deadline: the statements that go first (the delay, if delay > 0, and a
// timeout context if the drain takes one) and the drain's method call,
// such as Shutdown(shutdownCtx), to call on the server.
func (ed *editor) drainLines(api *serverAPI, delay time.Duration) (lines []string, method string) {
	switch api.drainBy {
	case drainByContext:
		sl := ed.shutdownLines(delay)
		return sl.text, api.drain + "(" + sl.ctx + ")"
	case drainByTimeout:
		if delay > 0 {
			lines = append(lines, ed.delayLine(delay))
		}
		return lines, api.drain + "(" + durationArg(shutdownTimeout(ed.p.cfg), ed.pkg("time")) + ")"
	default: // drainUnbounded
		if delay > 0 {
			lines = append(lines, ed.delayLine(delay))
		}
		return lines, api.drain + "()"
	}
}

// drainStatement returns the lines that drain srv: the drain's error, if
// it returns one, is logged.
func (ed *editor) drainStatement(api *serverAPI, srv, method string) []string {
	if api.drainBy == drainUnbounded {
		// Have: gRPC's GracefulStop, which waits as long as RPCs run.
		// Bound it: Stop cuts what is left once the deadline passes.
		stopped := ed.fresh("stopped")
		return []string{
			stopped + " := make(chan struct{})",
			"go func() {",
			"\t" + srv + "." + method,
			"\tclose(" + stopped + ")",
			"}()",
			"select {",
			"case <-" + stopped + ":",
			"case <-" + ed.pkg("time") + "After(" + durationExpr(shutdownTimeout(ed.p.cfg), ed.pkg("time")) + "):",
			"\t" + srv + "." + stopName + "() // the deadline passed: cut what is left",
			"}",
		}
	}
	var logLine string
	if ed.usesSlog() {
		logLine = ed.pkg("log/slog") + "Error(\"shutdown\", \"err\", err)"
	} else {
		logLine = ed.pkg("log") + "Printf(\"shutdown: %v\", err)"
	}
	return []string{
		"if err := " + srv + "." + method + "; err != nil {",
		"\t" + logLine,
		"}",
	}
}

// usesSlog reports whether the file logs with log/slog rather than log:
// it imports log/slog and not log. The fix's log line then keeps to slog.
func (ed *editor) usesSlog() bool {
	slog, log := false, false
	for _, imp := range ed.file.Imports {
		switch importPath(imp) {
		case "log/slog":
			slog = true
		case "log":
			log = true
		}
	}
	return slog && !log
}

// freshContextFix gives a drain a fresh timeout context instead of the
// signal context.
func freshContextFix(p *program, cfg *Config, e event, arg ast.Expr) (analysis.SuggestedFix, bool) {
	if !insertionPoint(e) || !p.usedElsewhere(arg) {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(p.fileOfPos(e.stmt.Pos()), e.stmt.Pos())
	if ed.file == nil {
		return analysis.SuggestedFix{}, false
	}
	ctx := ed.shutdownContext(e.stmt, 0)
	ed.replace(arg, ctx)
	return ed.fix("Give " + p.drainName(e) + " a fresh context with a timeout"), true
}

// closeFix replaces srv.Close() by a delay and the server's drain under a
// deadline: srv.Shutdown with a timeout context, or gRPC's GracefulStop.
func closeFix(p *program, cfg *Config, path *handlerPath, e event, delayed bool) (analysis.SuggestedFix, bool) {
	sel, ok := ast.Unparen(e.call.Fun).(*ast.SelectorExpr)
	if !insertionPoint(e) || !ok || len(e.call.Args) != 0 {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(p.fileOfPos(e.stmt.Pos()), e.stmt.Pos())
	if ed.file == nil {
		return analysis.SuggestedFix{}, false
	}
	delay := cfg.Delay
	if delayed || hasDelay(path.events[:indexOf(path.events, e)], cfg.MinDelay) {
		delay = 0 // keep the delay the handler already has, or the one an earlier Close's fix inserts
	}
	api := drainableAPI(p.callee(e.call))
	if api == nil {
		return analysis.SuggestedFix{}, false
	}
	name := p.callee(e.call).Name()
	lines, method := ed.drainLines(api, delay)
	ed.insertBefore(e.stmt, lines...)
	if api.drainBy == drainUnbounded {
		// Have: s.Stop(). Bound the GracefulStop that replaces it with
		// the Stop itself.
		if es, ok := e.stmt.(*ast.ExprStmt); !ok || ast.Unparen(es.X) != e.call {
			return analysis.SuggestedFix{}, false
		}
		indent := p.indentOf(e.stmt.Pos())
		ed.replace(e.stmt, strings.Join(ed.drainStatement(api, p.src(sel.X), method), "\n"+indent))
	} else {
		ed.replace(e.call, p.src(sel.X)+"."+method)
	}
	return ed.fix("Replace " + name + " with " + api.drain + ", after a propagation delay"), true
}

// moveClosesFix removes the abrupt stops among closes (srv.Close()) and
// drains their servers with srv.Shutdown(ctx) just before the handler's
// later drain, next, after its delay, with that drain's context (a
// variable): one fix for all of them, which each of their reports
// offers, so that one -fix run leaves none. It returns the fix and the
// Close calls it covers.
func moveClosesFix(p *program, closes []event, next event) (analysis.SuggestedFix, map[ast.Node]bool, bool) {
	none := analysis.SuggestedFix{}
	if !insertionPoint(next) || next.call == nil || len(next.call.Args) != 1 {
		return none, nil, false
	}
	ctx, isIdent := ast.Unparen(next.call.Args[0]).(*ast.Ident)
	if !isIdent {
		return none, nil, false
	}
	if v := p.pass.TypesInfo.Uses[ctx]; v == nil || v.Pos() >= next.stmt.Pos() {
		return none, nil, false // declared in the drain's own statement
	}
	drained := ""
	if nsel, ok := ast.Unparen(next.call.Fun).(*ast.SelectorExpr); ok {
		drained = p.src(nsel.X)
	}
	ed := p.editor(p.fileOfPos(next.stmt.Pos()), next.stmt.Pos())
	covers := make(map[ast.Node]bool)
	var lines []string
	for _, e := range closes {
		sel, ok := ast.Unparen(e.call.Fun).(*ast.SelectorExpr)
		if !ok || !insertionPoint(e) {
			continue
		}
		api := p.closeAPI(e)
		if api == nil || api.drainBy != drainByContext || !isPlainRef(p.pass.TypesInfo, sel.X) || p.src(sel.X) == drained {
			continue // (the later drain is this server's own)
		}
		es, ok := e.stmt.(*ast.ExprStmt)
		if !ok || ast.Unparen(es.X) != e.call || !p.sameList(e.stmt, next.stmt) {
			continue // (a Close in a branch that returns, or in an oklog/run interrupt, stays: it may be all that stops the server there)
		}
		ed.edits = append(ed.edits, analysis.TextEdit{Pos: e.stmt.Pos(), End: e.stmt.End()}) // (its comment stays)
		lines = append(lines, p.src(sel.X)+"."+api.drain+"("+ctx.Name+")")
		covers[e.node] = true
	}
	if len(covers) == 0 {
		return none, nil, false
	}
	ed.insertBefore(next.stmt, lines...)
	return ed.fix("Replace " + p.drainName(closes[0]) + " with " + p.closeAPI(closes[0]).drain + " beside the handler's later drain"), covers, true
}

// sameList reports whether statements a and b belong to the same
// statement list.
func (p *program) sameList(a, b ast.Stmt) bool {
	ca, okA := p.inspector.Root().FindNode(a)
	cb, okB := p.inspector.Root().FindNode(b)
	return okA && okB && ca.Parent() == cb.Parent()
}

func indexOf(events []event, e event) int {
	for i := range events {
		if events[i].node == e.node {
			return i
		}
	}
	return len(events)
}

// src returns the source text of n.
func (m *model) src(n ast.Node) string {
	tf := m.pass.Fset.File(n.Pos())
	content, err := m.pass.ReadFile(tf.Name())
	if err != nil {
		return ""
	}
	return string(content[tf.Offset(n.Pos()):tf.Offset(n.End())])
}

// exitFix drains before an exit on a handler path, when exactly one
// *http.Server (or http.Server) variable is in scope there: it inserts the
// propagation delay (unless the path already delays) and a Shutdown under
// a timeout context before the exit, or before main's end.
func exitFix(p *program, cfg *Config, path *handlerPath, e event) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	var before token.Pos // where the new statements go
	var stmt ast.Stmt
	switch {
	case e.kind == evExit && insertionPoint(e):
		stmt, before = e.stmt, e.stmt.Pos()
	case e.kind == evReturn && e.node != nil:
		stmt, before = e.node.(ast.Stmt), e.node.Pos()
	case e.kind == evReturn:
		before = path.entry.body.Rbrace // the end of main (or of its run wrapper)
	default:
		return none, false
	}
	file := p.fileOfPos(before)
	if file == nil {
		return none, false
	}
	ed := p.editor(file, before)
	srv, api := p.onlyServerAt(file, before)
	if srv == "" {
		// The server may be started by http.ListenAndServe: make it an
		// *http.Server that the handler can drain.
		if srv, api = p.introduceServer(ed, before); srv == "" {
			return none, false
		}
	}
	delay := cfg.Delay
	if hasDelay(path.events[:indexOf(path.events, e)], cfg.MinDelay) {
		delay = 0
	}
	body, method := ed.drainLines(api, delay)
	body = append(body, ed.drainStatement(api, srv, method)...)
	if stmt != nil {
		ed.insertBefore(stmt, body...)
	} else {
		// Have: main's closing brace. Insert before it, one level in.
		indent := p.indentOf(before) + "\t"
		var b strings.Builder
		for _, l := range body {
			b.WriteString(indent + l + "\n")
		}
		ed.edits = append(ed.edits, insertAt(p.lineStart(before), b.String()))
	}
	return ed.fix("Drain the server before exiting: delay, then " + api.drain), true
}

// introduceServer rewrites the program's only server start, when it is a
// statement go http.ListenAndServe(addr, h) (or the TLS and Serve forms)
// at the top level of a function body holding pos, before pos, into
// srv := &http.Server{...} and go srv.ListenAndServe(), and returns srv's
// name and API; or "". Every fix that introduces it names it alike, so
// that their edits agree when applied together.
func (p *program) introduceServer(ed *editor, pos token.Pos) (string, *serverAPI) {
	starts := p.starts()
	if len(starts) != 1 || starts[0].callee != nil {
		return "", nil
	}
	start, ok := starts[0].expr.(*ast.CallExpr)
	if !ok {
		return "", nil
	}
	cur, ok := p.inspector.Root().FindNode(start)
	if !ok {
		return "", nil
	}
	stmt := cur.Parent()
	g, ok := stmt.Node().(*ast.GoStmt)
	if !ok || g.Pos() >= pos || stmt.ParentEdgeKind() != edge.BlockStmt_List {
		return "", nil
	}
	body := stmt.Parent().Node().(*ast.BlockStmt)
	if k := stmt.Parent().ParentEdgeKind(); k != edge.FuncDecl_Body && k != edge.FuncLit_Body || pos > body.End() {
		return "", nil // not at the top level of a function holding pos
	}
	// Have: go http.ListenAndServe(a, h), before the exit.
	fn := p.callee(start)
	sel, ok := ast.Unparen(start.Fun).(*ast.SelectorExpr)
	if !ok || recvNamed(fn) != nil || !inPackage(fn, "net/http") {
		return "", nil
	}
	if _, ok := sel.X.(*ast.Ident); !ok {
		return "", nil
	}
	fields, startArgs, ok := serverFields(p, fn.Name(), start.Args)
	if !ok {
		return "", nil
	}
	srv := p.introduced[start]
	if srv == "" {
		srv = p.editor(ed.file, g.Pos()).fresh("srv")
		p.introduced[start] = srv
	}
	ed.insertBefore(g, srv+" := &"+p.src(sel.X)+".Server{"+fields+"}")
	ed.replace(start, srv+"."+fn.Name()+"("+startArgs+")")
	return srv, serverTypeAPI(fn.Pkg().Scope().Lookup("Server").Type())
}

// onlyServerAt returns the name of the one server variable in scope at
// pos (an http.Server or a framework's server that can drain) and its
// API, or "" if there is none or more than one.
func (p *program) onlyServerAt(file *ast.File, pos token.Pos) (string, *serverAPI) {
	var found *types.Var
	var foundAPI *serverAPI
	for scope := innermostScope(p.pass.TypesInfo, file, pos); scope != nil && scope != types.Universe; scope = scope.Parent() {
		for _, name := range scope.Names() {
			v, ok := scope.Lookup(name).(*types.Var)
			if !ok || (scope != p.pass.Pkg.Scope() && v.Pos() > pos) {
				continue
			}
			api := serverTypeAPI(v.Type())
			if api == nil {
				continue
			}
			if lookup(innermostScope(p.pass.TypesInfo, file, pos), name, pos) != v {
				continue // shadowed
			}
			if found != nil && found != v {
				return "", nil
			}
			found, foundAPI = v, api
		}
	}
	if found == nil {
		return "", nil
	}
	return found.Name(), foundAPI
}

func (m *model) lineStart(pos token.Pos) token.Pos {
	tf := m.pass.Fset.File(pos)
	return tf.LineStart(tf.Line(pos))
}

// usedElsewhere reports whether e is a variable that some other expression
// also uses, so that replacing this use leaves it used (Go rejects unused
// variables).
func (m *model) usedElsewhere(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj := m.pass.TypesInfo.Uses[id]
	if obj == nil {
		return false
	}
	if obj.Parent() == m.pass.Pkg.Scope() {
		return true // package-level variables may go unused
	}
	for other, o := range m.pass.TypesInfo.Uses {
		if o == obj && other != id {
			return true
		}
	}
	return false
}
