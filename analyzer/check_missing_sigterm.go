package analyzer

import (
	"fmt"
	"go/types"

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

	for _, s := range starts {
		d := analysis.Diagnostic{
			Pos:     s.expr.Pos(),
			End:     s.expr.End(),
			Message: missingSIGTERMMessage(""),
		}
		if s.callee != nil {
			d.Message = missingSIGTERMMessage(qualifiedName(s.callee))
			d.Related = []analysis.RelatedInformation{{Pos: s.callee.Pos(), Message: "the server is started inside " + qualifiedName(s.callee)}}
		}
		if fix, ok := gracefulRewrite(p, r.cfg, s); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		r.report(checkMissingSigterm, d)
	}
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
// function of another package if by is not empty, and SIGTERM not handled.
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
