package analyzer

import (
	"fmt"
	"go/ast"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer/delays"
)

// The timing checks (SPEC 3.6, 3.8): with constant durations, a handler
// path's delays, the drain's deadline and the pod's grace period must
// leave the drain time to run.

// reportDeadlineBeforeDelay reports a drain whose deadline starts before
// a delay: WithTimeout(..., t), then a delay d, then Shutdown leaves t - d
// to drain (SPEC 3.6, under shutdown-context-done).
func reportDeadlineBeforeDelay(p *program, r *reporter) {
	for _, path := range p.handlerPaths() {
		for i, e := range path.events {
			if e.kind != evDrain || e.call == nil {
				continue
			}
			stmt, deadline := p.deadlineOf(e.call, path.wait.node)
			if stmt == nil || !isPackageFunc(p.callee(deadline), "context", "WithTimeout") {
				continue
			}
			timeout, isConst := delays.Duration(p.pass.TypesInfo, deadline.Args[1])
			delay, ok := delaysBetween(path.events[:i], deadline, e.call)
			if !isConst || !ok || delay == 0 {
				continue // (a duration known only at run time: no figures to judge)
			}
			left := timeout - delay
			if left >= r.cfg.MinDrain {
				continue
			}
			drain := p.drainName(e)
			msg := fmt.Sprintf("the %v deadline of %s's context has passed before %s runs: the %v delay comes after it; start the deadline after the delay",
				timeout, drain, drain, delay)
			if left > 0 {
				msg = fmt.Sprintf("the %v delay eats the %v deadline of %s's context, leaving %v to drain, under the min-drain setting (%v); start the deadline after the delay",
					delay, timeout, drain, left, r.cfg.MinDrain)
			}
			d := analysis.Diagnostic{
				Pos: e.node.Pos(), End: e.node.End(),
				Message: msg,
				Related: []analysis.RelatedInformation{related(deadline, "the deadline starts here")},
			}
			if fix, ok := moveDeadlineFix(p, stmt, e); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
			r.report(checkShutdownContextDone, d)
		}
	}
}

// delaysBetween returns the sum of the constant delays among events that
// lie between the deadline's call and the drain in the source, and false
// if one of them lasts a time known only at run time.
func delaysBetween(events []event, deadline, drain ast.Node) (time.Duration, bool) {
	var sum time.Duration
	for _, e := range events {
		if e.kind != evDelay || e.node.Pos() < deadline.End() || e.node.Pos() > drain.Pos() {
			continue
		}
		if !e.constDur {
			return 0, false
		}
		sum += e.dur
	}
	return sum, true
}

// moveDeadlineFix moves the statement that starts a drain's deadline (and
// a defer cancel() right after it) to just before the drain's statement,
// after the delays.
func moveDeadlineFix(p *program, stmt ast.Stmt, e event) (analysis.SuggestedFix, bool) {
	none := analysis.SuggestedFix{}
	if !insertionPoint(e) {
		return none, false
	}
	cur, ok := p.inspector.Root().FindNode(stmt)
	if !ok {
		return none, false
	}
	moved := []ast.Stmt{stmt}
	next, ok := cur.NextSibling()
	if d, isDefer := next.Node().(*ast.DeferStmt); ok && isDefer {
		moved = append(moved, d) // defer cancel()
		next, ok = next.NextSibling()
	}
	if !ok || p.fileOfPos(stmt.Pos()) != p.fileOfPos(e.stmt.Pos()) {
		return none, false
	}
	ed := p.editor(p.fileOfPos(stmt.Pos()), stmt.Pos())
	var lines []string
	for _, s := range moved {
		lines = append(lines, p.src(s))
	}
	// Delete from the statement to the next one, which takes the
	// statement's line; insert the lines before the drain's statement.
	ed.edits = append(ed.edits, analysis.TextEdit{Pos: stmt.Pos(), End: next.Node().Pos()})
	ed.insertBefore(e.stmt, lines...)
	return ed.fix("Start " + p.drainName(e) + "'s deadline after the delay"), true
}

// reportGracePeriodExceeded reports a drain that starts so late that the
// grace period leaves it less than -min-drain: -grace-period minus
// -prestop-delay minus the constant delays before it (SPEC 3.8). A drain
// timeout longer than what is left is not reported: SIGKILL then only
// ends what the timeout would have ended.
func reportGracePeriodExceeded(p *program, r *reporter) {
	if r.cfg.GracePeriod == 0 {
		return // unknown
	}
	for _, path := range p.handlerPaths() {
		delay := time.Duration(0)
	events:
		for _, e := range path.events {
			switch e.kind {
			case evDelay:
				if !e.constDur {
					break events // known only at run time
				}
				delay += e.dur
			case evDrain:
				left := r.cfg.GracePeriod - r.cfg.PrestopDelay - delay
				if left >= r.cfg.MinDrain {
					continue // (a later drain may start later)
				}
				drain := p.drainName(e)
				start := fmt.Sprintf("%s starts %v into the %v grace period%s", drain, r.cfg.PrestopDelay+delay, r.cfg.GracePeriod, prestopIncluded(r.cfg))
				msg := fmt.Sprintf("%s, leaving %v to drain (min-drain %v); shorten the delay or raise terminationGracePeriodSeconds",
					start, left, r.cfg.MinDrain)
				if left <= 0 {
					msg = start + ": SIGKILL comes first; shorten the delay or raise terminationGracePeriodSeconds"
				}
				r.report(checkGracePeriodExceeded, analysis.Diagnostic{
					Pos: e.node.Pos(), End: e.node.End(),
					Message: msg,
					Related: []analysis.RelatedInformation{related(path.wait.node, "the signal arrives here")},
				})
				break events
			}
		}
	}
}

// prestopIncluded is what a message's figure of a delay since the pod
// started stopping adds when the preStop hook's sleep is part of it.
func prestopIncluded(cfg *Config) string {
	if cfg.PrestopDelay == 0 {
		return ""
	}
	return fmt.Sprintf(" (the preStop hook's %v included)", cfg.PrestopDelay)
}
