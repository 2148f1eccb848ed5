package analyzer

import "slices"

// A handlerPath is what runs after a wait point: the events that follow
// it in the function that waits (same-package callees inlined), up to a
// second receive from a signal channel, which starts the force-quit path
// ("press Ctrl-C again to exit now") that no check looks at.
type handlerPath struct {
	entry  *fnode
	wait   event
	events []event // on main's path, evReturn events mean the process exits
}

// handlerPaths returns the handler paths of the program, one per function
// that runs and waits for a termination signal.
func (p *program) handlerPaths() []*handlerPath {
	if p.paths != nil {
		return p.paths
	}
	p.paths = []*handlerPath{}
	for _, n := range p.nodes {
		if !p.runs[n] || n.body == nil {
			continue
		}
		evs := p.eventsOf(n)
		i := slices.IndexFunc(evs, func(e event) bool { return e.kind == evWait })
		if i < 0 {
			continue
		}
		path := &handlerPath{entry: n, wait: evs[i]}
		rest := slices.Clone(evs[i+1:])
		if j := slices.IndexFunc(rest, func(e event) bool { return e.kind == evWait && e.wait&valChan != 0 }); j >= 0 {
			rest = rest[:j]
		}
		if n != p.main {
			// A goroutine or helper returning ends nothing but itself.
			rest = slices.DeleteFunc(rest, func(e event) bool { return e.kind == evReturn })
		}
		path.events = rest
		p.paths = append(p.paths, path)
	}
	return p.paths
}

// drains reports whether some handler path of the program drains.
func (p *program) drains() bool {
	for _, path := range p.handlerPaths() {
		for _, e := range path.events {
			if e.kind == evDrain {
				return true
			}
		}
	}
	return false
}
