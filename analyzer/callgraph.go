package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// The graph is the first stage of the package's model (the values stage,
// values.go, and the summaries stage, summaries.go, build on it; their
// methods, like its own, take the model as m). It is a graph of
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
type graph struct {
	pass      *analysis.Pass
	inspector *inspector.Inspector

	nodes   []*fnode // in source order
	byFunc  map[*types.Func]*fnode
	byLit   map[*ast.FuncLit]*fnode
	varInit map[*types.Var]*fnode // package-level variable -> its initializer
	init    *fnode                // package initialization
	main    *fnode                // func main, if any

	constructed []*types.Named  // this package's named types that it creates values of, in order
	ifaceCalls  []ifaceCall     // calls of interface methods
	executeCtx  []*ast.CallExpr // calls of cobra's ExecuteContext
	addCommands []addCommand    // cobra's AddCommand on a package-level command
	cmdContext  bool            // calls cobra's (*Command).Context
	handOvers   []handOver      // functions stored in a command for its Execute to run

	subs       []*subscription // every subscription written in this package
	afterFuncs []site          // calls of context.AfterFunc
	actors     []site          // calls of oklog/run's (*Group).Add
	groupRuns  []site          // calls of oklog/run's (*Group).Run
	handlers   []site          // calls of other packages' functions whose handler runs in a goroutine
	subByCall  map[*ast.CallExpr]*subscription

	// What the walk records for the values stage (values.go) to resolve:
	// every expression assigned to a variable of this package (a nil
	// entry: modified in a way we do not follow), the flows into
	// variables, fields and parameters, the results of return
	// statements, cancel functions and parameters.
	assigns   map[*types.Var][]ast.Expr
	flows     []flow
	elemFlows []flow // struct literal fields, range values
	returns   []ret
	cancels   map[*types.Var]*types.Var // cancel func -> its context (ctx, cancel := context.WithCancel(...))
	params    map[*types.Var]bool       // parameters of this package's functions
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

// buildGraph walks the package's functions once.
func buildGraph(pass *analysis.Pass) *graph {
	m := &graph{
		pass:      pass,
		inspector: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		byFunc:    make(map[*types.Func]*fnode),
		byLit:     make(map[*ast.FuncLit]*fnode),
		varInit:   make(map[*types.Var]*fnode),
		subByCall: make(map[*ast.CallExpr]*subscription),
		assigns:   make(map[*types.Var][]ast.Expr),
		cancels:   make(map[*types.Var]*types.Var),
		params:    make(map[*types.Var]bool),
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
	for _, n := range m.nodes {
		if n.fn != nil {
			for _, results := range n.rets {
				m.returns = append(m.returns, ret{n.fn, results})
			}
		}
	}
	return m
}

// recordParams notes the parameters of a function signature.
func (m *graph) recordParams(t types.Type) {
	if sig, ok := t.(*types.Signature); ok {
		for v := range sig.Params().Variables() {
			m.params[v] = true
		}
	}
}

func (m *graph) newNode(name string, file *ast.File) *fnode {
	n := &fnode{name: name, file: file}
	m.nodes = append(m.nodes, n)
	return n
}

// walk records what the code under root, which belongs to node n, does.
// Function literals get nodes of their own.
func (m *graph) walk(n *fnode, root ast.Node) {
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
func (m *graph) ident(n *fnode, id *ast.Ident, call *ast.CallExpr, sel ast.Expr) {
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
func (m *graph) external(n *fnode, fn *types.Func, expr ast.Expr, call *ast.CallExpr) {
	if v, tree := m.commandTreeAt(call, fn); tree != nil {
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
	case isCobraMethod(fn, "AddCommand") && call != nil:
		if v := m.packageVarOf(call); v != nil {
			m.addCommands = append(m.addCommands, addCommand{v, call.Args})
		}
	case isCobraMethod(fn, "Context"):
		m.cmdContext = true
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
func (m *graph) constructs(n *fnode, t types.Type) {
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

// An ifaceCall is a call of an interface method in a node.
type ifaceCall struct {
	n  *fnode
	fn *types.Func
}

// linkInterfaceCalls links each call of an interface method to the
// methods of this package's types that implement the interface and that
// the package creates values of: a []Server of the program's own server
// types, started in a loop (kratos' transport.Server), calls their Start.
func (m *graph) linkInterfaceCalls() {
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

func (m *graph) recordAssign(lhs, rhs []ast.Expr) {
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
func (m *graph) localVar(e ast.Expr) *types.Var {
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
func (m *graph) propagate() {
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

// A flow says that dst may hold the idx'th value of src.
type flow struct {
	dst *types.Var
	src ast.Expr
	idx int
}

// recordFlows records the flows of an assignment or declaration.
func (m *graph) recordFlows(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		v := m.assignedVar(l)
		if v == nil {
			continue
		}
		switch {
		case len(lhs) == len(rhs):
			m.flows = append(m.flows, flow{v, rhs[i], 0})
		case len(rhs) == 1:
			m.flows = append(m.flows, flow{v, rhs[0], i}) // a, b := f()
		}
	}
}

// recordCall records the flows from a same-package call's arguments to
// the callee's parameters.
func (m *graph) recordCall(fn *types.Func, call *ast.CallExpr) {
	sig := fn.Type().(*types.Signature)
	for i, arg := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		p := sig.Params().At(i)
		if sig.Variadic() && i >= sig.Params().Len()-1 {
			break
		}
		m.flows = append(m.flows, flow{p, arg, 0})
	}
}

// assignedVar returns the variable (local, package-level or struct field)
// an assignment to e writes, or nil.
func (m *graph) assignedVar(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := m.pass.TypesInfo.ObjectOf(x).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := m.pass.TypesInfo.ObjectOf(x.Sel).(*types.Var)
		return v
	}
	return nil
}

// A ret is a return statement of a declared function.
type ret struct {
	fn      *types.Func
	results []ast.Expr
}

// callee returns the function a call statically calls, or nil.
func (m *graph) callee(call *ast.CallExpr) *types.Func {
	id := calleeIdent(call.Fun)
	if id == nil {
		return nil
	}
	fn, _ := m.pass.TypesInfo.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// recordCancel notes the cancel function of "ctx, cancel :=
// context.WithCancel(parent)" (or WithTimeout, WithDeadline, ...):
// calling it makes ctx done.
func (m *graph) recordCancel(lhs, rhs []ast.Expr) {
	if len(lhs) != 2 || len(rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	if fn := m.callee(call); fn == nil || !inPackage(fn, "context") || !contextDerivers[fn.Name()] || fn.Name() == "WithValue" {
		return
	}
	ctx, cancel := m.assignedVar(lhs[0]), m.assignedVar(lhs[1])
	if ctx != nil && cancel != nil {
		m.cancels[cancel] = ctx
	}
}

// recordElemFlows records the flows that only function values follow:
// struct literal fields (Hook{OnStop: stop}) and range values
// (for _, c := range closers).
func (m *graph) recordElemFlows(x ast.Node) {
	info := m.pass.TypesInfo
	switch x := x.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if field, ok := info.Uses[id].(*types.Var); ok && field.IsField() {
					m.elemFlows = append(m.elemFlows, flow{dst: field, src: kv.Value})
				}
			}
		}
	case *ast.RangeStmt:
		if x.Value == nil {
			return
		}
		if v := m.assignedVar(x.Value); v != nil {
			m.elemFlows = append(m.elemFlows, flow{dst: v, src: x.X})
		}
	}
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

// commandTreeAt returns the command variable that call executes and its
// commandTree fact, if call executes a command held in a package-level
// variable of another package (pkg.Root.Execute()) whose tree serves.
func (m *graph) commandTreeAt(call *ast.CallExpr, fn *types.Func) (*types.Var, *commandTree) {
	if call == nil || !executesCommand(fn) {
		return nil, nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	recv, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	v, ok := m.pass.TypesInfo.Uses[recv.Sel].(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg() == m.pass.Pkg || v.Parent() != v.Pkg().Scope() {
		return nil, nil
	}
	tree := new(commandTree)
	if !m.pass.ImportObjectFact(v, tree) {
		return nil, nil
	}
	return v, tree
}

// An addCommand is a call of cobra's AddCommand on a command held in a
// package-level variable of this package (RootCmd.AddCommand(ServeCmd)
// in an init function).
type addCommand struct {
	root *types.Var
	cmds []ast.Expr
}

// packageVarOf returns the package-level variable of this package that a
// method call's receiver names (Root.AddCommand(...)), or nil.
func (m *graph) packageVarOf(call *ast.CallExpr) *types.Var {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != m.pass.Pkg || v.Parent() != m.pass.Pkg.Scope() {
		return nil
	}
	return v
}

// executesCommand reports whether fn is a method that runs a CLI command
// (see isCommandType): cobra's Execute, ExecuteC, ExecuteContext and
// ExecuteContextC, urfave/cli's Run and RunContext.
func executesCommand(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || !isCommandType(recv.Type()) {
		return false
	}
	switch fn.Name() {
	case "Execute", "ExecuteC", "ExecuteContext", "ExecuteContextC", "Run", "RunContext":
		return true
	}
	return false
}
