package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"time"

	"golang.org/x/tools/go/analysis"
)

// The checks of what runs after SIGTERM (SPEC 3.2, 3.4, 3.5, 3.6). Each
// reads the program's handler paths; see paths.go and summaries.go.

// reportExitInHandler reports an exit on a handler path before any drain.
func reportExitInHandler(p *program, r *reporter) {
	for _, path := range p.handlerPaths() {
	events:
		for _, e := range path.events {
			switch e.kind {
			case evClose:
				if !r.silenced(checkCloseInsteadOfShutdown, e.node.Pos()) {
					break events // stopped (3.5 reports Close)
				}
			case evDrain, evBlock:
				break events // drained, or waiting on something we cannot see
			case evExit:
				d := analysis.Diagnostic{
					Pos: e.node.Pos(), End: e.node.End(),
					Message: "exit in the SIGTERM handler before the server is drained: in-flight requests are cut; drain it first",
					Related: []analysis.RelatedInformation{related(path.wait.node, "the signal arrives here")},
				}
				switch name, at := through(e.callee, e.tree); {
				case e.handler:
					d.Related = append(d.Related, related(at, name+" exits on the signal"))
				case at != nil:
					d.Related = append(d.Related, related(at, name+" never returns"))
				}
				if fix, ok := exitFix(p, r.cfg, path, e); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
				r.report(checkExitInHandler, d)
				break events
			case evReturn:
				d := analysis.Diagnostic{
					Pos: path.wait.node.Pos(), End: path.wait.node.End(),
					Message: path.entry.fn.Name() + " returns after the signal without draining the server: " +
						"in-flight requests are cut; drain it first",
					Related: returnRelated(path.entry, e),
				}
				if fix, ok := exitFix(p, r.cfg, path, e); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
				r.report(checkExitInHandler, d)
				break events
			}
		}
	}
}

func returnRelated(entry *fnode, e event) []analysis.RelatedInformation {
	if e.node == nil {
		return nil
	}
	return []analysis.RelatedInformation{related(e.node, entry.fn.Name()+" returns here")}
}

// reportShutdownWithoutDelay reports a drain on a handler path with no
// delay (of at least -min-delay, or of a duration known only at run time)
// before it.
func reportShutdownWithoutDelay(p *program, r *reporter) {
	for _, path := range p.handlerPaths() {
		// The preStop hook's sleep comes before every drain; constant
		// delays add up.
		waited := r.cfg.PrestopDelay
	events:
		for i, e := range path.events {
			if waited >= r.cfg.MinDelay {
				break
			}
			switch e.kind {
			case evDelay:
				if !e.constDur {
					break events
				}
				waited += e.dur
			case evClose:
				if !r.silenced(checkCloseInsteadOfShutdown, e.node.Pos()) {
					break events // 3.5 reports it
				}
			case evBlock, evExit:
				break events // waits on something we cannot see, or 3.2 reports it
			case evDrain:
				drain := p.drainName(e)
				msg := drain + " right after the signal, while load balancers still route here; sleep first"
				switch {
				case waited > 0:
					msg = fmt.Sprintf("the %v delay before %s%s is shorter than the min-delay setting (%v): load balancers may still route here; sleep longer",
						waited, drain, prestopIncluded(r.cfg), r.cfg.MinDelay)
				case hasDelay(path.events[i+1:], r.cfg.MinDelay):
					msg = "the delay comes after " + drain + ", which has already closed the listeners; move it before " + drain
				}
				d := analysis.Diagnostic{
					Pos: e.node.Pos(), End: e.node.End(),
					Message: msg,
					Related: []analysis.RelatedInformation{related(path.wait.node, "the signal arrives here")},
				}
				if name, at := through(e.callee, e.tree); at != nil {
					d.Message = name + " drains the server: " + d.Message
					d.Related = append(d.Related, related(at, name+" calls Shutdown"))
				}
				// A call that both waits and drains (a library's Run(ctx))
				// has its wait inside: a delay before the call would only
				// hold up the start.
				if e.node != path.wait.node {
					if fix, ok := insertDelayFix(p, r.cfg, path, e); ok {
						d.SuggestedFixes = []analysis.SuggestedFix{fix}
					}
				}
				r.report(checkShutdownWithoutDelay, d)
				break events
			}
		}
	}
}

// nextDrainAfterDelay returns the first drain of events if a delay that
// counts comes before it, or nil.
func nextDrainAfterDelay(events []event, minDelay time.Duration) *event {
	i := slices.IndexFunc(events, func(e event) bool { return e.kind == evDrain })
	if i < 0 || !hasDelay(events[:i], minDelay) {
		return nil
	}
	return &events[i]
}

// reportCloseInsteadOfShutdown reports every abrupt stop on a handler path
// with no drain before it: (*http.Server).Close, or a framework's (gRPC's
// Stop).
func reportCloseInsteadOfShutdown(p *program, r *reporter) {
	for _, path := range p.handlerPaths() {
		delayed := false // an earlier Close's fix inserts the delay
		var moves *movedCloses
	events:
		for i, e := range path.events {
			switch e.kind {
			case evDrain, evExit, evBlock:
				break events // drained, exited, or waiting on something we cannot see (a drain's own goroutine)
			case evClose:
				silenced := r.silenced(checkCloseInsteadOfShutdown, e.node.Pos())
				if next := nextDrainAfterDelay(path.events[i+1:], r.cfg.MinDelay); next != nil {
					// Have: Close, then the handler's delay, then another
					// drain. A drain here would need a delay of its own,
					// holding the other drain back by as much: it goes
					// beside the other drain instead.
					d := analysis.Diagnostic{
						Pos: e.node.Pos(), End: e.node.End(),
						Message: p.drainName(e) + " in the SIGTERM handler cuts in-flight requests; use " +
							p.closeAPI(e).drain + " after the delay, beside the other drain",
						Related: []analysis.RelatedInformation{related(path.wait.node, "the signal arrives here")},
					}
					if moves == nil {
						moves = moveCloses(p, r, path.events[i:], *next)
					}
					if moves.covers[e.node] {
						d.SuggestedFixes = []analysis.SuggestedFix{moves.fix}
					}
					r.report(checkCloseInsteadOfShutdown, d)
					continue
				}
				api, name := p.serverCall(e.call)
				advice := api.drain + " with a timeout" // (gRPC: Stop once the timeout passes)
				d := analysis.Diagnostic{
					Pos: e.node.Pos(), End: e.node.End(),
					Message: name + " in the SIGTERM handler cuts in-flight requests; use " + advice,
					Related: []analysis.RelatedInformation{related(path.wait.node, "the signal arrives here")},
				}
				if silenced {
					// (no fix: none is shown, and it would take the names
					// another fix uses)
				} else if fix, ok := closeFix(p, r.cfg, path, e, delayed); ok {
					d.SuggestedFixes = []analysis.SuggestedFix{fix}
					delayed = true
				}
				r.report(checkCloseInsteadOfShutdown, d)
				// Another server's Close after it cuts its requests too
				// (prom-label-proxy's two interrupts): go on.
			}
		}
	}
}

// movedCloses is the one fix of the Closes before a handler's delay and
// later drain (moveClosesFix), and the Close calls it covers.
type movedCloses struct {
	fix    analysis.SuggestedFix
	covers map[ast.Node]bool
}

// moveCloses returns the fix of the Closes among events, up to next, that
// are not silenced.
func moveCloses(p *program, r *reporter, events []event, next event) *movedCloses {
	var closes []event
	for _, e := range events {
		if e.node == next.node {
			break
		}
		if e.kind == evClose && !r.silenced(checkCloseInsteadOfShutdown, e.node.Pos()) {
			closes = append(closes, e)
		}
	}
	m := new(movedCloses)
	if len(closes) > 0 {
		m.fix, m.covers, _ = moveClosesFix(p, closes, next)
	}
	return m
}

// reportShutdownContextDone reports a drain given the signal context (or a
// context derived from it) on a handler path: that context is already
// done, so Shutdown returns at once without waiting for requests.
func reportShutdownContextDone(p *program, r *reporter) {
	for _, path := range p.handlerPaths() {
		for _, e := range path.events {
			if !e.done && !p.givenSignalContext(e) {
				continue // (ctx = a fresh context with a timeout, assigned after the signal context)
			}
			d := analysis.Diagnostic{
				Pos: e.node.Pos(), End: e.node.End(),
				Message: p.drainName(e) + " is given the signal context, which is already done: it returns at once; " +
					"use a fresh timeout context",
				Related: []analysis.RelatedInformation{related(path.wait.node, "the context is done from here on")},
			}
			if name, at := through(e.callee, e.tree); at != nil {
				d.Message = name + " drains the server: " + d.Message
				d.Related = append(d.Related, related(at, name+" calls Shutdown"))
			} else if fix, ok := freshContextFix(p, r.cfg, e, e.call.Args[0]); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			r.report(checkShutdownContextDone, d)
		}
	}
}

// through names the other package's code that an event or site comes
// from, by its facts, and the object to point at: a function, or the command
// variable whose tree runs it. A nil object: the event is the program's.
func through(callee *types.Func, tree *types.Var) (string, types.Object) {
	switch {
	case tree != nil:
		return tree.Pkg().Name() + "." + tree.Name() + "'s command", tree
	case callee != nil:
		return qualifiedName(callee), callee
	}
	return "", nil
}

// related points at a node or object.
func related(at interface{ Pos() token.Pos }, msg string) analysis.RelatedInformation {
	ri := analysis.RelatedInformation{Pos: at.Pos(), Message: msg}
	if n, ok := at.(ast.Node); ok {
		ri.End = n.End()
	}
	return ri
}
