package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// notifySignals resolves the signal arguments of a signal.Notify or
// signal.NotifyContext call. No signals at all means every signal.
func (m *values) notifySignals(call *ast.CallExpr, args []ast.Expr) sigset {
	var sigs sigset
	for _, arg := range args {
		sigs |= m.signalsOf(arg)
	}
	if sigs == 0 {
		// Have: signal.Notify(c), or a spread of an empty list.
		return sigAll
	}
	return sigs
}

// signalsOf returns the signals an expression of type os.Signal,
// syscall.Signal or a slice or array of them may hold.
func (m *values) signalsOf(e ast.Expr) sigset {
	info := m.pass.TypesInfo
	e = ast.Unparen(e)
	if tv := info.Types[e]; tv.Value != nil {
		// A constant expression: syscall.SIGTERM, unix.SIGTERM, syscall.Signal(15).
		if !isSignalType(tv.Type) {
			return sigUnknown
		}
		if v, exact := constant.Int64Val(constant.ToInt(tv.Value)); exact {
			return signalNumber(v)
		}
		return sigUnknown
	}
	switch e := e.(type) {
	case *ast.Ident:
		return m.objSignals(info.Uses[e])
	case *ast.SelectorExpr:
		return m.objSignals(info.Uses[e.Sel])
	case *ast.CompositeLit:
		var sigs sigset
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			sigs |= m.signalsOf(elt)
		}
		return sigs
	case *ast.CallExpr:
		if tv := info.Types[e.Fun]; tv.IsType() && len(e.Args) == 1 {
			return m.signalsOf(e.Args[0]) // os.Signal(syscall.SIGTERM)
		}
		if isBuiltin(info, e.Fun, "append") {
			var sigs sigset
			for _, arg := range e.Args {
				sigs |= m.signalsOf(arg)
			}
			return sigs
		}
	case *ast.SliceExpr:
		return m.signalsOf(e.X)
	case *ast.IndexExpr:
		return m.signalsOf(e.X)
	}
	return sigUnknown
}

func signalNumber(v int64) sigset {
	switch v {
	case numSIGTERM:
		return sigTERM
	case numSIGINT:
		return sigINT
	}
	return sigOther
}

// objSignals returns the signals a variable may hold.
func (m *values) objSignals(obj types.Object) sigset {
	v, ok := obj.(*types.Var)
	if !ok {
		return sigUnknown
	}
	if inPackage(v, "os") {
		switch v.Name() {
		case "Interrupt":
			return sigINT
		case "Kill":
			return sigOther
		}
	}
	if v.Pkg() != m.pass.Pkg {
		var fact signalList
		if m.pass.ImportObjectFact(v, &fact) {
			return fact.Signals
		}
		return sigUnknown
	}
	return m.varSignals(v)
}

// varSignals returns the union of the signals of every value assigned to
// a variable of this package, or sigUnknown if some assignment is not
// followed (or there is none: a parameter, a result).
func (m *values) varSignals(v *types.Var) sigset {
	if sigs, ok := m.varSigs[v]; ok {
		return sigs
	}
	// In progress: a variable assigned from itself (s = append(s, x))
	// adds nothing to the union of its other values.
	m.varSigs[v] = 0
	values := m.assigns[v]
	var sigs sigset
	if len(values) == 0 {
		sigs = sigUnknown
	}
	for _, e := range values {
		if e == nil {
			sigs |= sigUnknown
			continue
		}
		sigs |= m.signalsOf(e)
	}
	m.varSigs[v] = sigs
	return sigs
}
