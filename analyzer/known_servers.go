package analyzer

import (
	"go/types"
	"slices"
	"strings"
)

// The server APIs sigtermcheck knows by name: net/http and the frameworks
// of SPEC section 8. Facts carry what other code does with them (a
// library's Run that calls Serve), but the APIs themselves are intrinsics:
// some drivers never analyze dependencies, and fasthttp, fiber and gRPC
// do not serve through net/http.

// A serverAPI describes one server type: what starts it, what drains it,
// what stops it abruptly, and what a start returns once a drain begins.
type serverAPI struct {
	module string   // module path without a major version suffix; package is its root
	typ    string   // the server type; starts, drains and closes are its methods
	funcs  []string // package functions that serve with a server of their own
	starts []string // methods that serve until the server stops
	drains []string // methods that stop after in-flight requests finish
	closes []string // methods that stop at once, cutting requests

	drain   string  // the drain that messages advise and fixes call
	drainBy drainBy // how that drain is bounded in time
	// onDrain is what a start returns once a drain begins.
	onDrain startReturn
}

// stopName is the abrupt stop that bounds gRPC's GracefulStop in fixes.
const stopName = "Stop"

// drainBy is how an API's drain is given a deadline.
type drainBy int

const (
	drainByContext drainBy = iota // srv.Shutdown(ctx) with a timeout context
	drainByTimeout                // app.ShutdownWithTimeout(d)
	drainUnbounded                // srv.GracefulStop(): waits as long as requests run; fixes bound it with Stop
)

// startReturn is what a server start does once a drain begins.
type startReturn int

const (
	returnsClosedAtOnce startReturn = iota // returns http.ErrServerClosed at once
	returnsNilAtOnce                       // returns nil at once
	returnsAfterDrain                      // returns nil once the drain is over
	returnsUnknown                         // a start through another function: it may filter or wait
)

var serverAPIs = []*serverAPI{
	{
		module: "net/http", typ: "Server",
		funcs:  []string{"ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"},
		starts: []string{"ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"},
		drains: []string{"Shutdown"},
		closes: []string{"Close"},
		drain:  "Shutdown", drainBy: drainByContext, onDrain: returnsClosedAtOnce,
	},
	{
		// gin serves through net/http and has no drain of its own: its
		// users drain an http.Server whose Handler is the engine.
		module: "github.com/gin-gonic/gin", typ: "Engine",
		starts:  []string{"Run", "RunTLS", "RunUnix", "RunFd", "RunListener", "RunQUIC"},
		onDrain: returnsClosedAtOnce,
	},
	{
		module: "github.com/labstack/echo", typ: "Echo",
		starts: []string{"Start", "StartTLS", "StartAutoTLS", "StartServer", "StartH2CServer"},
		drains: []string{"Shutdown"},
		closes: []string{"Close"},
		drain:  "Shutdown", drainBy: drainByContext, onDrain: returnsClosedAtOnce,
	},
	{
		module: "github.com/gofiber/fiber", typ: "App",
		starts: []string{"Listen", "Listener", "ListenTLS", "ListenTLSWithCertificate", "ListenMutualTLS", "ListenMutualTLSWithCertificate"},
		drains: []string{"Shutdown", "ShutdownWithContext", "ShutdownWithTimeout"},
		drain:  "ShutdownWithTimeout", drainBy: drainByTimeout, onDrain: returnsNilAtOnce,
	},
	{
		// Serve returns nil only after GracefulStop (or Stop) is over.
		module: "google.golang.org/grpc", typ: "Server",
		starts: []string{"Serve"},
		drains: []string{"GracefulStop"},
		closes: []string{"Stop"},
		drain:  "GracefulStop", drainBy: drainUnbounded, onDrain: returnsAfterDrain,
	},
	{
		module: "github.com/valyala/fasthttp", typ: "Server",
		funcs:  []string{"ListenAndServe", "ListenAndServeTLS", "ListenAndServeTLSEmbed", "ListenAndServeUNIX", "Serve", "ServeTLS", "ServeTLSEmbed"},
		starts: []string{"ListenAndServe", "ListenAndServeTLS", "ListenAndServeTLSEmbed", "ListenAndServeUNIX", "Serve", "ServeTLS", "ServeTLSEmbed"},
		drains: []string{"Shutdown", "ShutdownWithContext"},
		drain:  "ShutdownWithContext", drainBy: drainByContext, onDrain: returnsNilAtOnce,
	},
}

// apiByPath indexes serverAPIs by package path.
var apiByPath = func() map[string]*serverAPI {
	m := make(map[string]*serverAPI)
	for _, api := range serverAPIs {
		m[api.module] = api
	}
	return m
}()

// apiOfPackage returns the API whose package has the given path, in any
// major version of its module ("github.com/gofiber/fiber/v2").
func apiOfPackage(path string) *serverAPI {
	if api := apiByPath[path]; api != nil {
		return api
	}
	if i := strings.LastIndex(path, "/v"); i > 0 && isMajor(path[i+2:]) {
		return apiByPath[path[:i]]
	}
	return nil
}

// isMajor reports whether s is a major version number of 2 or more.
func isMajor(s string) bool {
	if s == "" || s[0] == '0' || s == "1" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// A role is what a function does to a server.
type role int

const (
	roleNone  role = iota
	roleStart      // serves until the server stops
	roleDrain      // stops it gracefully
	roleClose      // stops it at once
)

// serverRole returns the API fn belongs to and what it does, or nil and
// roleNone for any other function.
func serverRole(fn *types.Func) (*serverAPI, role) {
	if fn.Pkg() == nil {
		return nil, roleNone
	}
	api := apiOfPackage(fn.Pkg().Path())
	if api == nil {
		return nil, roleNone
	}
	recv := recvNamed(fn)
	if recv == nil {
		if slices.Contains(api.funcs, fn.Name()) {
			return api, roleStart
		}
		return nil, roleNone
	}
	if recv.Obj().Name() != api.typ {
		return nil, roleNone
	}
	switch name := fn.Name(); {
	case slices.Contains(api.starts, name):
		return api, roleStart
	case slices.Contains(api.drains, name):
		return api, roleDrain
	case slices.Contains(api.closes, name):
		return api, roleClose
	}
	return nil, roleNone
}

// isServerStart reports whether fn serves until its server is stopped:
// net/http's ListenAndServe, ListenAndServeTLS, Serve and ServeTLS (package
// functions and *http.Server methods), or a framework's start.
func isServerStart(fn *types.Func) bool { _, r := serverRole(fn); return r == roleStart }

// isDrain reports whether fn is a graceful stop: (*http.Server).Shutdown or
// a framework's.
func isDrain(fn *types.Func) bool { _, r := serverRole(fn); return r == roleDrain }

// isClose reports whether fn stops a server at once: (*http.Server).Close,
// (*echo.Echo).Close, (*grpc.Server).Stop.
func isClose(fn *types.Func) bool { _, r := serverRole(fn); return r == roleClose }

// serverTypeAPI returns the API whose server type t is (or points to) if
// that API has a drain, else nil.
func serverTypeAPI(t types.Type) *serverAPI {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	api := apiOfPackage(named.Obj().Pkg().Path())
	if api == nil || api.drain == "" || named.Obj().Name() != api.typ || !hasMethod(named, api.drain) {
		return nil
	}
	return api
}

// hasMethod reports whether *T has the named method: a major version may
// lack the drain of others (echo v5's Echo has no Shutdown).
func hasMethod(named *types.Named, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), false, named.Obj().Pkg(), name)
	_, ok := obj.(*types.Func)
	return ok
}

// drainableAPI returns the API of a server method's receiver if fixes can
// drain that server with the API's drain, else nil.
func drainableAPI(fn *types.Func) *serverAPI {
	recv := recvNamed(fn)
	if recv == nil {
		return nil
	}
	return serverTypeAPI(recv)
}

// isHTTPServer reports whether t is http.Server or *http.Server.
func isHTTPServer(t types.Type) bool {
	api := serverTypeAPI(t)
	return api != nil && api.module == "net/http"
}

// isDrainLike reports whether fn is an interface method that may be a
// drain: named Shutdown, GracefulStop, Drain, ShutdownWithContext or
// ShutdownWithTimeout, or Stop taking a context (kratos' transport.Server).
// Its implementations are unknown, so a handler path through it stays
// quiet. A Stop() or Close() with no context is not taken for a drain.
func isDrainLike(fn *types.Func) bool {
	if !isInterfaceMethod(fn) {
		return false
	}
	switch fn.Name() {
	case "Shutdown", "GracefulStop", "Drain", "ShutdownWithContext", "ShutdownWithTimeout":
		return true
	case "Stop":
		params := fn.Type().(*types.Signature).Params()
		return params.Len() > 0 && isContextType(params.At(0).Type())
	}
	return false
}
