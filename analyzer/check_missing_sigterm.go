package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
)

// reportMissingSIGTERM reports programs that start a server and never
// subscribe to SIGTERM (SPEC 3.1).
func reportMissingSIGTERM(p *program, r *reporter) {
	if p.sigs.hasTERM() {
		return // SIGTERM is handled (or we cannot tell that it is not)
	}
	starts := p.starts()
	if len(starts) == 0 {
		return // not a server
	}

	// Have: a server and no SIGTERM subscription. If something subscribes
	// to other signals only, that is the one problem to report, once: at
	// the subscription whose handler ends the program if there is one
	// (SIGINT's), where adding SIGTERM fixes it, or else at the first.
	if s := p.subscriptionToFix(); s != nil {
		var what string
		if s.callee != nil {
			what = qualifiedName(s.callee)
		} else {
			what = "signal." + s.notify.Name()
		}
		ends := p.endsProgram(s)
		advice := "add SIGTERM"
		if !ends {
			// A reload or dump handler must not run on SIGTERM.
			advice = "stop on SIGTERM in a path of its own"
		}
		d := analysis.Diagnostic{
			Pos: s.expr.Pos(),
			End: s.expr.End(),
			Message: fmt.Sprintf("%s subscribes to %s but not to SIGTERM, Kubernetes' stop signal; %s",
				what, s.sigs.names(), advice),
			Related: []analysis.RelatedInformation{relatedStart(starts[0])},
		}
		if s.callee != nil {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.callee.Pos(), Message: "signals subscribed here"})
		}
		if ends {
			if fix, ok := addSIGTERMFix(p, s); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
		r.report(checkMissingSigterm, d)
		return
	}

	var generated []*site
	for _, s := range starts {
		if r.quiet[p.pass.Fset.File(s.expr.Pos())] {
			generated = append(generated, s)
			continue
		}
		d := analysis.Diagnostic{
			Pos:     s.expr.Pos(),
			End:     s.expr.End(),
			Message: missingSIGTERMMessage(""),
		}
		if name, at := through(s.callee, s.tree); at != nil {
			d.Message = missingSIGTERMMessage(name)
			d.Related = []analysis.RelatedInformation{{Pos: at.Pos(), Message: "the server is started inside " + name}}
		}
		if fix, ok := gracefulRewrite(p, r.cfg, s); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		r.report(checkMissingSigterm, d)
	}
	reportGeneratedStarts(p, r, generated)
}

// reportGeneratedStarts reports server starts written in generated code
// (which no one edits, and whose reports are dropped) at each call in the
// program's own code through which they are reached (SPEC 3): where a
// chain of generated functions leading to a start is entered from a
// hand-written function. A start that only generated code reaches is not
// reported. No fix: the start is not in the statement reported.
func reportGeneratedStarts(p *program, r *reporter, starts []*site) {
	if len(starts) == 0 {
		return
	}
	callers := make(map[*fnode][]*fnode)
	for _, n := range p.nodes {
		for _, c := range n.calls {
			callers[c] = append(callers[c], n)
		}
	}
	for _, s := range starts {
		for _, ref := range p.entriesInto(s.node, callers, r.quiet) {
			r.report(checkMissingSigterm, analysis.Diagnostic{
				Pos:     ref.expr.Pos(),
				End:     ref.expr.End(),
				Message: missingSIGTERMMessage(qualifiedName(ref.fn)),
				Related: []analysis.RelatedInformation{relatedStart(s)},
			})
		}
	}
}

// An entry is a reference, in a function of the program's own code, to a
// function of generated code: a call, or a function value.
type entry struct {
	expr ast.Expr
	fn   *types.Func
}

// entriesInto returns, in source order, the entries through which the
// program runs target, a node in a quiet file: the references that
// functions in other files make to the declared functions of quiet files
// from which target is reachable through calls edges (callers holds them
// reversed), following the chain back through quiet files only.
func (p *program) entriesInto(target *fnode, callers map[*fnode][]*fnode, quiet map[*token.File]bool) []entry {
	isQuiet := func(n *fnode) bool { return n.file != nil && quiet[p.pass.Fset.File(n.file.Pos())] }
	var entries []entry
	seen := map[*fnode]bool{target: true}
	entered := make(map[[2]*fnode]bool)
	for work := []*fnode{target}; len(work) > 0; {
		c := work[len(work)-1]
		work = work[:len(work)-1]
		for _, n := range callers[c] {
			switch {
			case !p.runs[n] || seen[n]:
				// (does not run, or followed already)
			case isQuiet(n):
				seen[n] = true
				work = append(work, n)
			case n.file == nil || n.body == nil || c.fn == nil || entered[[2]*fnode{n, c}]:
				// (the package initialization, a variable's initializer,
				// a function literal: no call to point at; or seen)
			default:
				// Have: a hand-written function that runs, entering the chain.
				entered[[2]*fnode{n, c}] = true
				entries = append(entries, p.refsTo(n, c.fn)...)
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.expr.Pos(), b.expr.Pos()) })
	return entries
}

// refsTo returns the references to fn in the body of n, not counting the
// function literals in it (nodes of their own): the calls of fn, and the
// expressions that use it as a value.
func (p *program) refsTo(n *fnode, fn *types.Func) []entry {
	var refs []entry
	claimed := make(map[*ast.Ident]bool) // by the call or selector around it
	ast.Inspect(n.body, func(x ast.Node) bool {
		var id *ast.Ident
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			id = calleeIdent(x.Fun)
		case *ast.SelectorExpr:
			id = x.Sel
		case *ast.Ident:
			id = x
		}
		if id == nil || claimed[id] {
			return true
		}
		if f, ok := p.pass.TypesInfo.Uses[id].(*types.Func); ok && f.Origin() == fn {
			claimed[id] = true
			refs = append(refs, entry{x.(ast.Expr), fn})
		}
		return true
	})
	return refs
}

// subscriptionToFix returns the subscription a program without SIGTERM
// should add it to: the first whose handler ends the program, or else
// the first; nil if nothing subscribes.
func (p *program) subscriptionToFix() *subscription {
	subs := p.subscriptions()
	for _, s := range subs {
		if p.endsProgram(s) {
			return s
		}
	}
	if len(subs) > 0 {
		return subs[0]
	}
	return nil
}

// endsProgram reports whether what a subscription's signals trigger ends
// the program, so that SIGTERM may join them: it subscribes to SIGINT,
// whose receivers are wait points, and some handler path of the program
// drains, stops the server, exits or returns from main. Signals such as
// SIGHUP or SIGUSR1 reload, re-execute, rotate logs or dump state.
func (p *program) endsProgram(s *subscription) bool {
	if s.sigs&sigINT == 0 {
		return false
	}
	for _, path := range p.handlerPaths() {
		for _, e := range path.events {
			switch e.kind {
			case evDrain, evClose, evExit, evReturn:
				return true
			}
		}
	}
	return false
}

// missingSIGTERMMessage says that a server is started, by the named
// function if by is not empty (another package's, or one of generated
// code), and SIGTERM not handled.
func missingSIGTERMMessage(by string) string {
	if by != "" {
		by = " by " + by
	}
	return "server started" + by + " without handling SIGTERM: rollouts drop its requests; drain it on SIGTERM"
}

// relatedStart points at a server start of the program.
func relatedStart(s *site) analysis.RelatedInformation {
	return analysis.RelatedInformation{Pos: s.expr.Pos(), End: s.expr.End(), Message: "the server is started here"}
}

// addSIGTERMFix appends syscall.SIGTERM to the signals of a direct
// Notify or NotifyContext call whose signals are listed one by one.
func addSIGTERMFix(p *program, s *subscription) (analysis.SuggestedFix, bool) {
	call := s.call
	if call == nil || call.Ellipsis.IsValid() || len(s.args) == 0 {
		return analysis.SuggestedFix{}, false
	}
	ed := p.editor(s.node.file, call.Pos())
	sigterm := ed.pkg("syscall") + "SIGTERM"
	last := s.args[len(s.args)-1]
	ed.edits = append(ed.edits, insertAt(last.End(), ", "+sigterm))
	return ed.fix("Add syscall.SIGTERM to the subscribed signals"), true
}

// qualifiedName returns pkg.F or pkg.T.M for a function of another package.
func qualifiedName(fn *types.Func) string {
	name := fn.Name()
	if recv := recvNamed(fn); recv != nil {
		name = recv.Obj().Name() + "." + name
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
