package analyzer

import "go/types"

// values is the second stage of the package's model: the signal values
// (values_signals.go, values_siglists.go) and function values
// (values_funcs.go) of the graph's flows, resolved flow-insensitively to
// a fixed point.
type values struct {
	*graph

	sigVals    map[*types.Var]valKind
	returnsSig map[*types.Func][]valKind
	varFuncs   map[*types.Var]funcSet // memo of varTargets
	flowsTo    map[*types.Var][]flow  // the graph's flows, by destination
	elemsTo    map[*types.Var][]flow  // the graph's elemFlows, by destination
	// signal resolution memo; a value of sigUnknown stands in while a
	// variable's own resolution is in progress (cycles).
	varSigs map[*types.Var]sigset

	relayed     map[*types.Var]valKind // what relays make variables (see resolveRelays), whatever was assigned to them
	assumedVars map[*types.Var]valKind // parameters taken to hold signal values (see paramHandler)
	inExecute   bool                   // executesWithSignal is deciding
	cmdCtx      bool                   // a command's Context() is taken for a signal context (underCommandContext)
}

// newValues resolves the values of g: what each subscription subscribes
// to, which variables and results hold signal values, and then what each
// node reaches (propagate), which needs the subscriptions' signals.
func newValues(g *graph) *values {
	m := &values{
		graph:      g,
		sigVals:    make(map[*types.Var]valKind),
		returnsSig: make(map[*types.Func][]valKind),
		varFuncs:   make(map[*types.Var]funcSet),
		varSigs:    make(map[*types.Var]sigset),
		relayed:    make(map[*types.Var]valKind),
		flowsTo:    make(map[*types.Var][]flow),
		elemsTo:    make(map[*types.Var][]flow),
	}
	for _, f := range m.flows {
		m.flowsTo[f.dst] = append(m.flowsTo[f.dst], f)
	}
	for _, f := range m.elemFlows {
		m.elemsTo[f.dst] = append(m.elemsTo[f.dst], f)
	}
	for _, s := range m.subs {
		if s.call != nil {
			s.sigs = m.notifySignals(s.call, s.args)
		}
	}
	m.resolveSignalValues()
	m.propagate()
	return m
}

// assumedKind is the signal value v holds under the current assumption.
func (m *values) assumedKind(v *types.Var) valKind {
	return m.assumedVars[v]
}
