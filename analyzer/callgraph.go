package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/sigtermcheck/sigtermcheck/analyzer/delays"
	"github.com/sigtermcheck/sigtermcheck/analyzer/exits"
)

// The model says what the functions of one package do. It is a graph of
// function nodes: declared functions and methods, function literals, the
// initializers of package-level variables and the package initialization
// itself. Edges go from a node to every node it may run:
//
//   - calls edges: a call of a same-package function, a reference to one
//     as a value (a method value, a callback stored in a struct), a
//     function literal written inside it (closures, goroutines, deferred
//     calls, cobra RunE closures: a function value handed to other code
//     counts as called), and the initializer of a package-level variable
//     it uses (so a command's Execute reaches the RunE closure of the
//     command variable it runs);
//   - weak edges: the methods of a same-package type whose values it
//     constructs, which may be called through an interface we cannot
//     resolve.
//
// Weak edges are followed only for knowledge whose over-approximation
// makes sigtermcheck quieter (subscriptions), never for knowledge that
// causes reports (server starts).
type model struct {
	pass      *analysis.Pass
	inspector *inspector.Inspector

	nodes  []*fnode // in source order
	byFunc map[*types.Func]*fnode

	constructed []*types.Named        // this package's named types that it creates values of, in order
	ifaceCalls  []ifaceCall           // calls of interface methods
	executeCtx  []*ast.CallExpr       // calls of cobra's ExecuteContext
	handOvers   []handOver            // functions stored in a command for its Execute to run
	inExecute   bool                  // executesWithSignal is deciding
	cmdCtx      bool                  // a command's Context() is taken for a signal context (underCommandContext)
	varInit     map[*types.Var]*fnode // package-level variable -> its initializer
	init        *fnode                // package initialization
	main        *fnode                // func main, if any

	// assigns records every expression assigned to a variable of this
	// package (a nil entry: modified in a way we do not follow).
	assigns map[*types.Var][]ast.Expr

	subs       []*subscription // every subscription written in this package
	afterFuncs []site          // calls of context.AfterFunc
	actors     []site          // calls of oklog/run's (*Group).Add
	groupRuns  []site          // calls of oklog/run's (*Group).Run
	subByCall  map[*ast.CallExpr]*subscription

	// Signal values (values_signals.go) and function values (values_funcs.go).
	flows     []flow
	elemFlows []flow                 // struct literal fields, range values
	varFuncs  map[*types.Var]funcSet // memo of varTargets
	returns   []ret
	sigVals   map[*types.Var]valKind
	cancels   map[*types.Var]*types.Var // cancel func -> its context (ctx, cancel := context.WithCancel(...))

	importsWaiters *bool // memo of mayWait's look at imported facts
	returnsSig     map[*types.Func][]valKind
	byLit          map[*ast.FuncLit]*fnode

	params      map[*types.Var]bool // parameters of this package's functions
	exits       *exits.Result
	delays      *delays.Result
	evCache     map[*fnode][]event // events of each node, walked on its own
	summaries   map[*fnode][]event // events of each node, seen from a caller (summaryOf)
	summarizing map[*fnode]bool
	assumed     *assumption // while exporting handles facts (facts_handlers.go)
	handlers    []site      // calls of other packages' functions whose handler runs in a goroutine

	drainingMethods map[string][]*types.Func // by name: methods that drain or may drain (implementedByDrain)

	// signal resolution memo; a value of sigUnknown stands in while a
	// variable's own resolution is in progress (cycles).
	varSigs map[*types.Var]sigset
}

// An fnode is a function-like body of the package.
type fnode struct {
	name string
	fn   *types.Func    // for declared functions and methods
	lit  *ast.FuncLit   // for function literals
	body *ast.BlockStmt // for functions and literals
	file *ast.File

	calls []*fnode
	weak  []*fnode

	starts   []*site         // server starts written in this node
	subs     []*subscription // subscriptions written in this node
	drains   bool            // calls Shutdown, or a function that drains
	mayDrain bool            // calls an interface method named like a drain, or a function that may drain
	rets     [][]ast.Expr    // the results of its return statements
	goes     []*ast.CallExpr // the calls of its go statements

	// Summaries over everything the node may run (see propagate).
	reachesStart    bool
	reachedSigs     sigset
	reachesDrain    bool
	reachesMayDrain bool
}

// A site is a place in the package being analyzed where something the
// checks care about happens: directly, or through a function of another
// package (callee), whose fact says what it does.
type site struct {
	node   *fnode
	expr   ast.Expr    // the call, or the function value referenced
	callee *types.Func // the other package's function, if reached through one
	tree   *types.Var  // the other package's command variable, if through its tree (commandTree)
}

// A subscription is a signal.Notify or signal.NotifyContext call, or a call
// of another package's function that subscribes.
type subscription struct {
	site
	notify *types.Func   // signal.Notify or signal.NotifyContext, when direct
	call   *ast.CallExpr // the call of notify, if it is called
	args   []ast.Expr    // its signal arguments
	sigs   sigset
}

func buildModel(pass *analysis.Pass) *model {
	m := &model{
		pass:      pass,
		inspector: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		byFunc:    make(map[*types.Func]*fnode),
		varInit:   make(map[*types.Var]*fnode),
		assigns:   make(map[*types.Var][]ast.Expr),
		varSigs:   make(map[*types.Var]sigset),

		subByCall:  make(map[*ast.CallExpr]*subscription),
		sigVals:    make(map[*types.Var]valKind),
		cancels:    make(map[*types.Var]*types.Var),
		varFuncs:   make(map[*types.Var]funcSet),
		returnsSig: make(map[*types.Func][]valKind),
		byLit:      make(map[*ast.FuncLit]*fnode),

		exits:       pass.ResultOf[exits.Analyzer].(*exits.Result),
		delays:      pass.ResultOf[delays.Analyzer].(*delays.Result),
		evCache:     make(map[*fnode][]event),
		summaries:   make(map[*fnode][]event),
		summarizing: make(map[*fnode]bool),
		params:      make(map[*types.Var]bool),
	}
	m.init = m.newNode("package initialization", nil)

	// Declared functions first, so that walks can link to any of them.
	type body struct {
		n    *fnode
		root ast.Node
	}
	var bodies []body
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if !ok || decl.Body == nil {
					continue
				}
				n := m.newNode(fn.Name(), file)
				n.fn, n.body = fn, decl.Body
				m.recordParams(fn.Type())
				m.byFunc[fn] = n
				bodies = append(bodies, body{n, decl.Body})
				switch {
				case decl.Recv != nil:
				case fn.Name() == "init":
					m.init.calls = append(m.init.calls, n)
				case fn.Name() == "main" && pass.Pkg.Name() == "main":
					m.main = n
				}
			case *ast.GenDecl:
				if decl.Tok != token.VAR {
					continue
				}
				for _, spec := range decl.Specs {
					spec := spec.(*ast.ValueSpec)
					if len(spec.Values) == 0 {
						continue
					}
					n := m.newNode("var initializer", file)
					m.init.calls = append(m.init.calls, n)
					bodies = append(bodies, body{n, spec})
					for _, id := range spec.Names {
						if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok {
							m.varInit[v] = n
						}
					}
				}
			}
		}
	}
	for _, b := range bodies {
		m.walk(b.n, b.root)
	}
	m.linkInterfaceCalls()
	for _, s := range m.subs {
		if s.call != nil {
			s.sigs = m.notifySignals(s.call, s.args)
		}
	}
	for _, n := range m.nodes {
		if n.fn != nil {
			for _, results := range n.rets {
				m.returns = append(m.returns, ret{n.fn, results})
			}
		}
	}
	m.resolveSignalValues()
	m.propagate()
	m.resolveRelays()
	return m
}

// recordParams notes the parameters of a function signature.
func (m *model) recordParams(t types.Type) {
	if sig, ok := t.(*types.Signature); ok {
		for v := range sig.Params().Variables() {
			m.params[v] = true
		}
	}
}

func (m *model) newNode(name string, file *ast.File) *fnode {
	n := &fnode{name: name, file: file}
	m.nodes = append(m.nodes, n)
	return n
}

// walk records what the code under root, which belongs to node n, does.
// Function literals get nodes of their own.
func (m *model) walk(n *fnode, root ast.Node) {
	info := m.pass.TypesInfo
	// callOf maps the identifier naming a call's function to the call,
	// and refOf an identifier to the selector expression it ends.
	callOf := make(map[*ast.Ident]*ast.CallExpr)
	refOf := make(map[*ast.Ident]ast.Expr)

	ast.Inspect(root, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			lit := m.newNode("func literal", n.file)
			lit.lit, lit.body = x, x.Body
			m.recordParams(m.pass.TypesInfo.TypeOf(x))
			m.byLit[x] = lit
			n.calls = append(n.calls, lit)
			m.walk(lit, x.Body)
			return false

		case *ast.CallExpr:
			if id := calleeIdent(x.Fun); id != nil {
				callOf[id] = x
			}
			if isBuiltin(info, x.Fun, "new") && len(x.Args) == 1 {
				m.constructs(n, info.TypeOf(x.Args[0]))
			}

		case *ast.SelectorExpr:
			refOf[x.Sel] = x

		case *ast.CompositeLit:
			m.constructs(n, info.TypeOf(x))
			m.recordElemFlows(x)
			if isCommandType(info.TypeOf(x)) {
				for _, elt := range x.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						m.handOvers = append(m.handOvers, handOver{n, kv.Value})
					}
				}
			}

		case *ast.RangeStmt:
			m.recordElemFlows(x)

		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && len(x.Lhs) == len(x.Rhs) && isCommandType(info.TypeOf(sel.X)) {
					m.handOvers = append(m.handOvers, handOver{n, x.Rhs[i]}) // app.Action = run
				}
			}
			m.recordAssign(x.Lhs, x.Rhs)
			m.recordFlows(x.Lhs, x.Rhs)
			m.recordCancel(x.Lhs, x.Rhs)

		case *ast.ReturnStmt:
			n.rets = append(n.rets, x.Results)

		case *ast.GoStmt:
			n.goes = append(n.goes, x.Call)

		case *ast.ValueSpec:
			if len(x.Values) == 0 {
				break // var v T: the zero value
			}
			lhs := make([]ast.Expr, len(x.Names))
			for i, id := range x.Names {
				lhs[i] = id
			}
			m.recordAssign(lhs, x.Values)
			m.recordFlows(lhs, x.Values)
			m.recordCancel(lhs, x.Values)

		case *ast.UnaryExpr:
			// &v lets anything modify v.
			if x.Op == token.AND {
				if v := m.localVar(x.X); v != nil {
					m.assigns[v] = append(m.assigns[v], nil)
				}
			}

		case *ast.Ident:
			m.ident(n, x, callOf[x], refOf[x])
		}
		return true
	})
}

// ident records a use of an identifier: a function (called or used as a
// value) or a package-level variable.
func (m *model) ident(n *fnode, id *ast.Ident, call *ast.CallExpr, sel ast.Expr) {
	switch obj := m.pass.TypesInfo.Uses[id].(type) {
	case *types.Func:
		fn := obj.Origin()
		if isDrainLike(fn) {
			n.mayDrain = true
		}
		if call != nil && isInterfaceMethod(fn) {
			m.ifaceCalls = append(m.ifaceCalls, ifaceCall{n, fn})
		}
		if fn.Pkg() == m.pass.Pkg {
			if callee := m.byFunc[fn]; callee != nil {
				n.calls = append(n.calls, callee)
			}
			if call != nil {
				m.recordCall(fn, call)
			}
			return
		}
		// Have: a function of another package, called or used as a value.
		var expr ast.Expr = id
		switch {
		case call != nil:
			expr = call
		case sel != nil:
			expr = sel
		}
		m.external(n, fn, expr, call)

	case *types.Var:
		if init := m.varInit[obj]; init != nil && init != n {
			n.calls = append(n.calls, init)
		}
	}
}

// external records a call of fn, a function of another package, or a
// reference to it as a value (call == nil).
func (m *model) external(n *fnode, fn *types.Func, expr ast.Expr, call *ast.CallExpr) {
	if v, tree := m.commandTreeAt(call, fn); tree != nil && tree.Starts {
		// Have: pkg.Root.Execute() on a tree whose command starts a server.
		n.starts = append(n.starts, &site{node: n, expr: call, callee: fn, tree: v})
	}
	switch {
	case isServerStart(fn):
		n.starts = append(n.starts, &site{node: n, expr: expr})
		return
	case isPackageFunc(fn, "context", "AfterFunc") && call != nil && len(call.Args) == 2:
		m.afterFuncs = append(m.afterFuncs, site{node: n, expr: call})
		return
	case (isCobraMethod(fn, "ExecuteContext") || isCobraMethod(fn, "ExecuteContextC")) && call != nil:
		m.executeCtx = append(m.executeCtx, call)
	case isRunGroupMethod(fn, "Add") && call != nil:
		m.actors = append(m.actors, site{node: n, expr: call})
		return
	case isRunGroupMethod(fn, "Run") && call != nil:
		m.groupRuns = append(m.groupRuns, site{node: n, expr: call}) // (and its facts, below)
	case isNotify(fn) || isNotifyContext(fn):
		s := &subscription{site: site{node: n, expr: expr}, notify: fn, sigs: sigUnknown}
		if call != nil && len(call.Args) > 0 {
			// Have: signal.Notify(c, sigs...) or signal.NotifyContext(ctx, sigs...).
			s.call, s.args = call, call.Args[1:]
			m.subByCall[call] = s
		}
		n.subs = append(n.subs, s)
		m.subs = append(m.subs, s)
		return
	}
	if isDrain(fn) || m.pass.ImportObjectFact(fn, new(drains)) {
		n.drains = true
	}
	if m.pass.ImportObjectFact(fn, new(mayDrain)) {
		n.mayDrain = true
	}
	if m.pass.ImportObjectFact(fn, new(startsServer)) {
		n.starts = append(n.starts, &site{node: n, expr: expr, callee: fn})
	}
	if h := new(handles); call != nil && m.pass.ImportObjectFact(fn, h) && h.Goroutine {
		m.handlers = append(m.handlers, site{node: n, expr: call, callee: fn})
	}
	var sub subscribes
	if m.pass.ImportObjectFact(fn, &sub) {
		s := &subscription{site: site{node: n, expr: expr, callee: fn}, sigs: sub.Signals}
		n.subs = append(n.subs, s)
		m.subs = append(m.subs, s)
	}
}

// constructs records that n creates a value of type t: if t is (a pointer
// to) a named type of this package, its methods may be called through an
// interface.
func (m *model) constructs(n *fnode, t types.Type) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != m.pass.Pkg {
		return
	}
	if !slices.Contains(m.constructed, named) {
		m.constructed = append(m.constructed, named)
	}
	for i := range named.NumMethods() {
		if callee := m.byFunc[named.Method(i).Origin()]; callee != nil {
			n.weak = append(n.weak, callee)
		}
	}
}

// A handOver is a function value that a node stores in a command of a
// CLI library (a cobra.Command's Run, a urfave/cli App's Action): the
// command's Execute or Run, in whatever package calls it, runs it.
type handOver struct {
	n   *fnode
	fun ast.Expr
}

// isCommandType reports whether t is (a pointer to) a command of a CLI
// library whose Execute or Run calls the functions stored in it:
// github.com/spf13/cobra's Command, github.com/urfave/cli's App and
// Command (any major version).
func isCommandType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	path, name := named.Obj().Pkg().Path(), named.Obj().Name()
	switch {
	case path == "github.com/spf13/cobra":
		return name == "Command"
	case path == "github.com/urfave/cli" || strings.HasPrefix(path, "github.com/urfave/cli/v"):
		return name == "App" || name == "Command"
	}
	return false
}

// An ifaceCall is a call of an interface method in a node.
type ifaceCall struct {
	n  *fnode
	fn *types.Func
}

// linkInterfaceCalls links each call of an interface method to the
// methods of this package's types that implement the interface and that
// the package creates values of: a []Server of the program's own server
// types, started in a loop (kratos' transport.Server), calls their Start.
func (m *model) linkInterfaceCalls() {
	if len(m.constructed) == 0 {
		return
	}
	byName := make(map[string][]*types.Func) // methods of constructed types
	for _, named := range m.constructed {
		for i := range named.NumMethods() {
			meth := named.Method(i)
			byName[meth.Name()] = append(byName[meth.Name()], meth)
		}
	}
	impls := make(map[*types.Func][]*fnode)
	for _, c := range m.ifaceCalls {
		targets, ok := impls[c.fn]
		if !ok {
			iface, _ := c.fn.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface)
			for _, meth := range byName[c.fn.Name()] {
				recv := meth.Type().(*types.Signature).Recv().Type()
				if _, ok := recv.(*types.Pointer); !ok {
					recv = types.NewPointer(recv) // (its method set has every method)
				}
				if iface != nil && m.byFunc[meth] != nil && types.Implements(recv, iface) {
					targets = append(targets, m.byFunc[meth])
				}
			}
			impls[c.fn] = targets
		}
		c.n.calls = append(c.n.calls, targets...)
	}
}

func (m *model) recordAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v := m.localVar(l)
		if v == nil {
			continue
		}
		if len(lhs) == len(rhs) {
			m.assigns[v] = append(m.assigns[v], rhs[i])
		} else {
			m.assigns[v] = append(m.assigns[v], nil) // a, b := f()
		}
	}
}

// localVar returns the variable of this package that assigning to e
// changes (v, v[i], v.f count as changing v), or nil.
func (m *model) localVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			e = x.X
			continue
		case *ast.Ident:
			obj := m.pass.TypesInfo.ObjectOf(x)
			if v, ok := obj.(*types.Var); ok && v.Pkg() == m.pass.Pkg && !v.IsField() {
				return v
			}
		}
		return nil
	}
}

// propagate fills each node's summaries with what it may run.
func (m *model) propagate() {
	calls := func(n *fnode) []*fnode { return n.calls }
	or := func(a, b bool) bool { return a || b }
	union(m.nodes, calls, func(n *fnode) bool { return len(n.starts) > 0 },
		func(n *fnode) *bool { return &n.reachesStart }, or)
	union(m.nodes, calls, func(n *fnode) bool { return n.drains },
		func(n *fnode) *bool { return &n.reachesDrain }, or)
	union(m.nodes, calls, func(n *fnode) bool { return n.mayDrain },
		func(n *fnode) *bool { return &n.reachesMayDrain }, or)
	union(m.nodes, withWeak, func(n *fnode) sigset {
		var sigs sigset
		for _, s := range n.subs {
			sigs |= s.sigs
		}
		return sigs
	}, func(n *fnode) *sigset { return &n.reachedSigs }, func(a, b sigset) sigset { return a | b })
}

// union sets *summary(n), for every node, to the merge of own(v) over
// every node v that n reaches through succ, n included: one pass over the
// strongly connected components, successors first.
func union[T any](nodes []*fnode, succ func(*fnode) []*fnode, own func(*fnode) T, summary func(*fnode) *T, merge func(T, T) T) {
	sccs(nodes, succ, func(scc, succs []*fnode) {
		var v T
		for _, n := range scc {
			v = merge(v, own(n))
		}
		for _, s := range succs {
			v = merge(v, *summary(s))
		}
		for _, n := range scc {
			*summary(n) = v
		}
	})
}

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
		if canWait && hasEvent(m.eventsOf(n), evWait) {
			m.pass.ExportObjectFact(n.fn, new(waitsForSignal))
		}
	}
	m.exportHandlers(canWait)
	m.exportCommandTree()
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

// calleeIdent returns the identifier that names the function a call
// expression's Fun denotes (f, pkg.F, x.M, f[T]), or nil.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr:
		return calleeIdent(f.X)
	case *ast.IndexListExpr:
		return calleeIdent(f.X)
	}
	return nil
}

// isBuiltin reports whether fun denotes the named builtin function.
func isBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
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
