package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Suggested fixes. Every fix is a list of minimal text edits computed from
// positions: the shared AST is never modified. Statements are inserted as
// whole lines before the statement that holds the reported call, with
// that statement's indentation, so the result is gofmt-clean.

// shutdownTimeout bounds the Shutdown that fixes introduce. With the
// default 15s delay it fits Kubernetes' default 30s grace period.
const shutdownTimeout = 10 * time.Second

// delayComment explains an inserted delay.
const delayComment = "// let load balancers stop routing here before the listeners close"

// An editor collects the edits of one fix in one file.
type editor struct {
	p     *program
	file  *ast.File
	at    token.Pos // where names must be valid and fresh
	edits []analysis.TextEdit
}

func (p *program) editor(file *ast.File, at token.Pos) *editor {
	return &editor{p: p, file: file, at: at}
}

// pkg returns the qualifier for path ("time."), adding the import.
func (ed *editor) pkg(path string) string {
	name, edits := importName(ed.p.pass, ed.file, ed.at, path)
	for _, e := range edits {
		if !ed.hasEdit(e) {
			ed.edits = append(ed.edits, e)
		}
	}
	if name == "" {
		return ""
	}
	return name + "."
}

func (ed *editor) hasEdit(e analysis.TextEdit) bool {
	for _, x := range ed.edits {
		if x.Pos == e.Pos && x.End == e.End && string(x.NewText) == string(e.NewText) {
			return true
		}
	}
	return false
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

func (ed *editor) fix(msg string) analysis.SuggestedFix {
	return analysis.SuggestedFix{Message: msg, TextEdits: ed.edits}
}

// indentOf returns the white space that precedes pos on its line.
func (m *model) indentOf(pos token.Pos) string {
	tf := m.pass.Fset.File(pos)
	content, err := m.pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	line := content[start:tf.Offset(pos)]
	if strings.TrimLeft(string(line), " \t") != "" {
		return "\t" // not first on its line
	}
	return string(line)
}

// durationExpr writes d as Go source, such as 15 * time.Second.
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

// fileOfPos returns the file of the package holding pos.
func (m *model) fileOfPos(pos token.Pos) *ast.File {
	for _, f := range m.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// insertDelayFix inserts time.Sleep(-delay) before the statement holding
// a drain.
func insertDelayFix(p *program, cfg *Config, e event) (analysis.SuggestedFix, bool) {
	if e.stmt == nil {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(p.fileOfPos(e.stmt.Pos()), e.stmt.Pos())
	if ed.file == nil {
		return analysis.SuggestedFix{}, false
	}
	t := ed.pkg("time")
	ed.insertBefore(e.stmt, t+"Sleep("+durationExpr(cfg.Delay, t)+") "+delayComment)
	return ed.fix("Insert a propagation delay before Shutdown"), true
}

// shutdownContext inserts a fresh timeout context before stmt and returns
// its name.
func (ed *editor) shutdownContext(stmt ast.Stmt, delay time.Duration) string {
	t, c := ed.pkg("time"), ed.pkg("context")
	ctx, cancel := ed.fresh("shutdownCtx"), ed.fresh("cancel")
	var lines []string
	if delay > 0 {
		lines = append(lines, t+"Sleep("+durationExpr(delay, t)+") "+delayComment)
	}
	lines = append(lines,
		fmt.Sprintf("%s, %s := %sWithTimeout(%sBackground(), %s)", ctx, cancel, c, c, durationExpr(shutdownTimeout, t)),
		"defer "+cancel+"()")
	ed.insertBefore(stmt, lines...)
	return ctx
}

// freshContextFix gives a drain a fresh timeout context instead of the
// signal context.
func freshContextFix(p *program, cfg *Config, e event, arg ast.Expr) (analysis.SuggestedFix, bool) {
	if e.stmt == nil {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(p.fileOfPos(e.stmt.Pos()), e.stmt.Pos())
	if ed.file == nil {
		return analysis.SuggestedFix{}, false
	}
	ctx := ed.shutdownContext(e.stmt, 0)
	ed.replace(arg, ctx)
	return ed.fix("Give Shutdown a fresh context with a timeout"), true
}

// closeFix replaces srv.Close() by a delay and srv.Shutdown under a
// timeout context.
func closeFix(p *program, cfg *Config, path *handlerPath, e event) (analysis.SuggestedFix, bool) {
	sel, ok := ast.Unparen(e.call.Fun).(*ast.SelectorExpr)
	if e.stmt == nil || !ok || len(e.call.Args) != 0 {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(p.fileOfPos(e.stmt.Pos()), e.stmt.Pos())
	if ed.file == nil {
		return analysis.SuggestedFix{}, false
	}
	delay := cfg.Delay
	if hasDelay(path.events[:indexOf(path.events, e)]) {
		delay = 0 // keep the delay the handler already has
	}
	ctx := ed.shutdownContext(e.stmt, delay)
	ed.replace(sel.Sel, "Shutdown")
	ed.edits = append(ed.edits, analysis.TextEdit{Pos: e.call.Rparen, End: e.call.Rparen, NewText: []byte(ctx)})
	return ed.fix("Replace Close with Shutdown under a timeout, after a propagation delay"), true
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
