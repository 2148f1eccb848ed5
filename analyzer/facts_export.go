package analyzer

import (
	"go/types"
	"slices"
)

// exportFacts publishes what this package's functions, initialization and
// signal variables do, for the packages that import it. Only exported
// names get facts: no other package can name the rest (and the go
// command would carry their facts through every importer for nothing).
func (m *model) exportFacts() {
	if m.pass.Pkg.Name() == "main" {
		return // a program: nothing imports it
	}
	canWait := m.mayWait()
	for _, n := range m.nodes {
		if n.fn == nil || !n.fn.Exported() || n == m.main {
			continue
		}
		if n.reachesStart {
			m.pass.ExportObjectFact(n.fn, new(startsServer))
		}
		if n.reachedSigs != 0 {
			m.pass.ExportObjectFact(n.fn, &subscribes{n.reachedSigs})
		}
		if n.reachesDrain {
			m.pass.ExportObjectFact(n.fn, new(drains))
		} else if n.reachesMayDrain {
			m.pass.ExportObjectFact(n.fn, new(mayDrain))
		}
		if ks := m.returnsSig[n.fn]; slices.ContainsFunc(ks, func(k valKind) bool { return k != 0 }) {
			fact := &returnsSignal{Kinds: make([]uint8, len(ks))}
			for i, k := range ks {
				fact.Kinds[i] = uint8(k)
			}
			m.pass.ExportObjectFact(n.fn, fact)
		}
		if canWait && !m.fedSignal(n) && hasEvent(m.eventsOf(n), evWait) {
			m.pass.ExportObjectFact(n.fn, new(waitsForSignal))
		}
	}
	m.exportHandlers(canWait)
	m.exportCommandTrees()
	// Whatever imports this package runs its initialization.
	if n := m.init; n.reachedSigs != 0 {
		m.pass.ExportPackageFact(&subscribes{n.reachedSigs})
	}
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !isSignalListType(v.Type()) {
			continue
		}
		if sigs := m.varSignals(v); sigs != 0 {
			m.pass.ExportObjectFact(v, &signalList{sigs})
		}
	}
}

// mayWait reports whether any code of this package can learn of a
// termination signal: it holds signal values, subscribes, or imports
// functions that return signal values or wait for a signal. Most packages
// (all of the standard library but os/signal's users) cannot, and need no
// walk of their functions' events.
func (m *model) mayWait() bool {
	if len(m.sigVals) > 0 || len(m.subs) > 0 {
		return true
	}
	if m.importsWaiters == nil {
		found := false
		for _, f := range m.pass.AllObjectFacts() {
			switch f.Fact.(type) {
			case *returnsSignal, *waitsForSignal, *handles:
				found = true
			}
		}
		m.importsWaiters = &found
	}
	return *m.importsWaiters
}
