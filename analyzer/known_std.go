package analyzer

import "go/types"

// Standard-library knowledge is hard-coded, as in x/tools' ctrlflow and
// printf passes: some drivers never analyze the standard library, so its
// facts cannot be relied on.

// isNotify reports whether fn is signal.Notify.
func isNotify(fn *types.Func) bool { return isPackageFunc(fn, "os/signal", "Notify") }

// isNotifyContext reports whether fn is signal.NotifyContext.
func isNotifyContext(fn *types.Func) bool { return isPackageFunc(fn, "os/signal", "NotifyContext") }

// quietPackages are packages whose functions never export our facts even
// though they reach a server start or a subscription: net/http itself
// (its starts are intrinsics) and httptest, whose servers are test
// fixtures rather than the program's service.
var quietPackages = map[string]bool{
	"net/http":          true,
	"net/http/httptest": true,
	"os/signal":         true,
}

// isSignalType reports whether t is syscall.Signal or
// golang.org/x/sys/unix.Signal (which may alias it).
func isSignalType(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Name() != "Signal" || named.Obj().Pkg() == nil {
		return false
	}
	path := named.Obj().Pkg().Path()
	return path == "syscall" || path == "golang.org/x/sys/unix"
}

// Signal numbers on every platform Kubernetes runs Go programs on.
const (
	numSIGINT  = 2
	numSIGTERM = 15
)

func isPackageFunc(fn *types.Func, path, name string) bool {
	return fn.Name() == name && inPackage(fn, path) && recvNamed(fn) == nil
}

func inPackage(obj types.Object, path string) bool {
	return obj.Pkg() != nil && obj.Pkg().Path() == path
}

// recvNamed returns the named type of fn's receiver, or nil for a
// package-level function (or a method of an unnamed interface).
func recvNamed(fn *types.Func) *types.Named {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := types.Unalias(sig.Recv().Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, _ := t.(*types.Named)
	return named
}
