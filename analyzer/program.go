package analyzer

import "go/types"

// A program is the part of package main's model that runs: what main,
// the init functions and the package-level initializers reach, plus what
// the initialization of every imported package does.
type program struct {
	*model
	runs   map[*fnode]bool // reachable from the roots through calls edges
	mayRun map[*fnode]bool // reachable through calls and weak edges
	sigs   sigset          // every signal the program may subscribe to
	paths  []*handlerPath  // computed on first use

	fixNames map[*types.Scope]map[string]bool // names fixes declare, per scope
}

func (m *model) program() *program {
	roots := []*fnode{m.init}
	if m.main != nil {
		roots = append(roots, m.main)
	}
	p := &program{
		model:  m,
		runs:   reach(roots, func(n *fnode) []*fnode { return n.calls }),
		mayRun: reach(roots, withWeak),

		fixNames: make(map[*types.Scope]map[string]bool),
	}
	for _, r := range roots {
		p.sigs |= r.reachedSigs
	}
	// Imported packages whose initialization subscribes.
	for _, f := range m.pass.AllPackageFacts() {
		if sub, ok := f.Fact.(*subscribes); ok && f.Package != m.pass.Pkg {
			p.sigs |= sub.Signals
		}
	}
	return p
}

// starts returns the server starts that run, in source order.
func (p *program) starts() []*site {
	var starts []*site
	for _, n := range p.nodes {
		if p.runs[n] {
			starts = append(starts, n.starts...)
		}
	}
	return starts
}

// subscriptions returns the subscriptions that may run, in source order.
func (p *program) subscriptions() []*subscription {
	var subs []*subscription
	for _, s := range p.subs {
		if p.mayRun[s.node] {
			subs = append(subs, s)
		}
	}
	return subs
}

func withWeak(n *fnode) []*fnode {
	return append(n.calls[:len(n.calls):len(n.calls)], n.weak...)
}

// reach returns the set of nodes reachable from roots.
func reach(roots []*fnode, succ func(*fnode) []*fnode) map[*fnode]bool {
	seen := make(map[*fnode]bool)
	stack := append([]*fnode(nil), roots...)
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		stack = append(stack, succ(n)...)
	}
	return seen
}
