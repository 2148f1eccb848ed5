package analyzer

import (
	"go/types"
	"maps"
	"slices"
)

// Command trees built by a package's initialization. A CLI's commands
// often live in a library package, in package-level variables whose
// initialization builds the tree (go-containerregistry's cmd.Root =
// New(...), distribution's registry.RootCmd with ServeCmd added in
// init), and the program only runs pkg.Root.Execute(). The functions
// stored in those commands (handOvers) are then the program's: the
// package's commandTree fact says whether one starts a server and what
// one does after it waits for the signal, and the program judges that at
// its Execute call.

// exportCommandTree exports the commandTree fact of a package whose
// initialization stores functions in CLI commands that other packages
// can execute, if they start a server or wait for the signal.
func (m *model) exportCommandTree() {
	if !m.exportsCommand() {
		return // (no other package can execute its commands)
	}
	inits := reach([]*fnode{m.init}, func(n *fnode) []*fnode { return n.calls })
	var run []*fnode
	for _, h := range m.handOvers {
		if inits[h.n] {
			run = append(run, m.funcTargets(h.fun).local...)
		}
	}
	if len(run) == 0 {
		return
	}
	tree := new(commandTree)
	tree.Starts = slices.ContainsFunc(run, func(n *fnode) bool { return n.reachesStart })
	tree.Waits, tree.Events = m.commandHandler(run)
	if !tree.Waits {
		// A cobra command's Context() is whatever ExecuteContext was
		// given: crane's "registry serve" waits on it, then drains.
		m.underCommandContext(func() {
			tree.Waits, tree.Events = m.commandHandler(run)
			tree.Ctx = tree.Waits
		})
	}
	if tree.Starts || tree.Waits {
		m.pass.ExportPackageFact(tree)
	}
}

// exportsCommand reports whether the package has an exported
// package-level variable holding a CLI command.
func (m *model) exportsCommand() bool {
	scope := m.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && v.Exported() && isCommandType(v.Type()) {
			return true
		}
	}
	return false
}

// commandHandler returns the handler path of the first of the functions
// that waits for a termination signal, if one does.
func (m *model) commandHandler(run []*fnode) (bool, []handlerEvent) {
	for _, n := range run {
		if evs := m.eventsOf(n); hasEvent(evs, evWait) {
			return true, m.handlerEvents(evs, nil)
		}
	}
	return false, nil
}

// underCommandContext runs f with every cobra command's Context() taken
// for a signal context: the package's signal values resolved again from
// that, and its events walked afresh, apart from its own.
func (m *model) underCommandContext(f func()) {
	sigVals, returnsSig, evCache, summaries := m.sigVals, m.returnsSig, m.evCache, m.summaries
	defer func() {
		m.sigVals, m.returnsSig, m.evCache, m.summaries = sigVals, returnsSig, evCache, summaries
		m.cmdCtx = false
	}()
	m.cmdCtx = true
	m.sigVals = maps.Clone(sigVals)
	m.returnsSig = make(map[*types.Func][]valKind, len(returnsSig))
	for fn, ks := range returnsSig {
		m.returnsSig[fn] = slices.Clone(ks)
	}
	m.evCache, m.summaries = make(map[*fnode][]event), make(map[*fnode][]event)
	m.resolveSignalValues()
	m.resolveRelays()
	f()
}
