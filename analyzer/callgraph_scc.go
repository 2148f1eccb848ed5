package analyzer

// sccs calls visit for each strongly connected component of the graph
// formed by nodes and succ, successors first (Tarjan's algorithm), with
// the component's members and its successors outside it. Each summary
// that is a union over what a node may run is thus computed once per
// component, in time linear in the size of the graph.
func sccs(nodes []*fnode, succ func(*fnode) []*fnode, visit func(scc, succs []*fnode)) {
	type state struct{ index, low int }
	var (
		st    = make(map[*fnode]*state, len(nodes))
		stack []*fnode
		on    = make(map[*fnode]bool)
		next  int
	)
	var strong func(n *fnode)
	strong = func(n *fnode) {
		s := &state{next, next}
		next++
		st[n] = s
		stack = append(stack, n)
		on[n] = true
		for _, w := range succ(n) {
			if ws, seen := st[w]; !seen {
				strong(w)
				s.low = min(s.low, st[w].low)
			} else if on[w] {
				s.low = min(s.low, ws.index)
			}
		}
		if s.low != s.index {
			return
		}
		var scc []*fnode
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			on[w] = false
			scc = append(scc, w)
			if w == n {
				break
			}
		}
		var succs []*fnode
		for _, v := range scc {
			for _, w := range succ(v) {
				if !on[w] && st[w] != nil && !contains(scc, w) {
					succs = append(succs, w)
				}
			}
		}
		visit(scc, succs)
	}
	for _, n := range nodes {
		if st[n] == nil {
			strong(n)
		}
	}
}

func contains(nodes []*fnode, n *fnode) bool {
	for _, m := range nodes {
		if m == n {
			return true
		}
	}
	return false
}
