package analyzer

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"
)

// Command trees built by a package's initialization. A CLI's commands
// often live in a library package, in package-level variables whose
// initialization builds the tree (go-containerregistry's cmd.Root =
// New(...), distribution's registry.RootCmd with ServeCmd added in
// init), and the program only runs pkg.Root.Execute(). The functions
// stored in the commands of that tree (handOvers) are then the program's:
// the variable's commandTree fact says that one serves and what the
// serving commands do after they wait for the signal, and the program
// judges that at its Execute call.

// exportCommandTrees exports a commandTree fact for every exported
// package-level command whose tree has a command that starts a server.
func (m *model) exportCommandTrees() {
	type tree struct {
		v       *types.Var
		serving []*fnode
		fact    *commandTree
	}
	var trees []tree
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		v, ok := scope.Lookup(name).(*types.Var)
		if !ok || !v.Exported() || !isCommandType(v.Type()) {
			continue
		}
		serving := slices.DeleteFunc(m.commandFuncs(v), func(n *fnode) bool { return !n.reachesStart })
		if len(serving) > 0 {
			t := tree{v, serving, new(commandTree)}
			t.fact.Waits, t.fact.Events = m.commandHandler(serving)
			trees = append(trees, t)
		}
	}
	if m.cmdContext && slices.ContainsFunc(trees, func(t tree) bool { return !t.fact.Waits }) {
		// A cobra command's Context() is whatever ExecuteContext was
		// given: crane's "registry serve" waits on it, then drains.
		m.underCommandContext(func() {
			for _, t := range trees {
				if !t.fact.Waits {
					t.fact.Waits, t.fact.Events = m.commandHandler(t.serving)
					t.fact.Ctx = t.fact.Waits
				}
			}
		})
	}
	for _, t := range trees {
		m.pass.ExportObjectFact(t.v, t.fact)
	}
}

// commandFuncs returns the functions stored in the commands of the tree
// rooted at the package-level variable root: those that its initializer
// stores, or reaches a function that stores them, and those of the
// commands added to it (root.AddCommand(serveCmd) in an init function).
func (m *model) commandFuncs(root *types.Var) []*fnode {
	var roots []*fnode
	seen := make(map[*types.Var]bool)
	var add func(v *types.Var)
	add = func(v *types.Var) {
		if seen[v] {
			return
		}
		seen[v] = true
		if n := m.varInit[v]; n != nil {
			roots = append(roots, n)
		}
		for _, a := range m.addCommands {
			if a.root != v {
				continue
			}
			for _, cmd := range a.cmds {
				switch x := ast.Unparen(cmd).(type) {
				case *ast.Ident:
					if w, ok := m.pass.TypesInfo.Uses[x].(*types.Var); ok && w.Parent() == m.pass.Pkg.Scope() {
						add(w)
					}
				case *ast.CallExpr:
					if fn := m.callee(x); fn != nil && m.byFunc[fn] != nil {
						roots = append(roots, m.byFunc[fn]) // root.AddCommand(newServeCmd())
					}
				}
			}
		}
	}
	add(root)
	in := reach(roots, func(n *fnode) []*fnode { return n.calls })
	var funcs []*fnode
	for _, h := range m.handOvers {
		if in[h.n] {
			funcs = append(funcs, m.funcTargets(h.fun).local...)
		}
	}
	return funcs
}

// commandHandler returns the handler path of the serving commands, if
// they wait for a termination signal and then do something (a command
// that only reads its context's Err, a wait that nothing follows, is no
// handler path), and all that do agree on it: the one the program runs
// is not known.
func (m *model) commandHandler(serving []*fnode) (bool, []handlerEvent) {
	var path []handlerEvent
	found := false
	for _, n := range serving {
		evs := m.eventsOf(n)
		if !hasEvent(evs, evWait) {
			continue
		}
		he := m.handlerEvents(evs, nil)
		switch {
		case len(he) == 0:
		case !found:
			path, found = he, true
		case !slices.Equal(he, path):
			return false, nil
		}
	}
	return found, path
}

// underCommandContext runs f with every cobra command's Context() taken
// for a signal context: the package's signal values resolved again from
// that, and its events walked afresh, apart from its own.
func (m *model) underCommandContext(f func()) {
	sigVals, relayed, returnsSig, evCache, summaries := m.sigVals, m.relayed, m.returnsSig, m.evCache, m.summaries
	defer func() {
		m.sigVals, m.relayed, m.returnsSig, m.evCache, m.summaries = sigVals, relayed, returnsSig, evCache, summaries
		m.cmdCtx = false
	}()
	m.cmdCtx = true
	m.sigVals, m.relayed = maps.Clone(sigVals), maps.Clone(relayed)
	m.returnsSig = make(map[*types.Func][]valKind, len(returnsSig))
	for fn, ks := range returnsSig {
		m.returnsSig[fn] = slices.Clone(ks)
	}
	m.evCache, m.summaries = make(map[*fnode][]event), make(map[*fnode][]event)
	m.resolveSignalValues()
	m.resolveRelays()
	f()
}
