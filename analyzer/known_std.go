package analyzer

import (
	"go/types"
	"strings"
)

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

// isRunGroupMethod reports whether fn is the named method of oklog/run's
// Group (or of oklog's older pkg/group, the same API).
func isRunGroupMethod(fn *types.Func, name string) bool {
	recv := recvNamed(fn)
	return fn.Name() == name && recv != nil && recv.Obj().Name() == "Group" && isRunPackage(recv.Obj().Pkg())
}

// isRunPackage reports whether pkg is github.com/oklog/run (or oklog's
// pkg/group).
func isRunPackage(pkg *types.Package) bool {
	return pkg != nil && (pkg.Path() == "github.com/oklog/run" || pkg.Path() == "github.com/oklog/oklog/pkg/group")
}

// isErrgroupGo reports whether fn is (*errgroup.Group).Go.
func isErrgroupGo(fn *types.Func) bool {
	recv := recvNamed(fn)
	return fn.Name() == "Go" && recv != nil && recv.Obj().Name() == "Group" && inPackage(recv.Obj(), "golang.org/x/sync/errgroup")
}

// isOnceDo reports whether fn is (*sync.Once).Do.
func isOnceDo(fn *types.Func) bool {
	recv := recvNamed(fn)
	return fn.Name() == "Do" && recv != nil && recv.Obj().Name() == "Once" && inPackage(recv.Obj(), "sync")
}

// isContextType reports whether t is context.Context.
func isContextType(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Name() == "Context" && inPackage(named.Obj(), "context")
}

func isInterfaceMethod(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}

// isCobraMethod reports whether fn is the named method of
// github.com/spf13/cobra's Command.
func isCobraMethod(fn *types.Func, name string) bool {
	recv := recvNamed(fn)
	return fn.Name() == name && recv != nil && recv.Obj().Name() == "Command" && inPackage(recv.Obj(), "github.com/spf13/cobra")
}

func isErrgroupWithContext(fn *types.Func) bool {
	return isPackageFunc(fn, "golang.org/x/sync/errgroup", "WithContext")
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

// isSignalListType reports whether t is os.Signal, syscall.Signal, or a
// slice or array of either: the types a signal variable can have.
func isSignalListType(t types.Type) bool {
	switch u := types.Unalias(t).(type) {
	case *types.Slice:
		t = u.Elem()
	case *types.Array:
		t = u.Elem()
	}
	if isSignalType(t) {
		return true
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Name() == "Signal" && inPackage(named.Obj(), "os")
}

// contextDerivers are the context package's functions whose first result
// is done when their first argument is.
var contextDerivers = map[string]bool{
	"WithCancel": true, "WithCancelCause": true, "WithTimeout": true, "WithTimeoutCause": true,
	"WithDeadline": true, "WithDeadlineCause": true, "WithValue": true,
}
