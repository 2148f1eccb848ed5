package analyzer

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
)

// The vocabulary that every stage shares: the facts, which carry what a
// function (or a package's initialization, or a package-level variable)
// does across package boundaries, each kind of knowledge in a small type
// of its own, all deterministic (no maps); the signal sets; the kinds of
// signal values; the kinds of termination events. What computes and
// exports the facts is in facts_*.go.

var factTypes = []analysis.Fact{
	new(startsServer),
	new(subscribes),
	new(signalList),
	new(returnsSignal),
	new(waitsForSignal),
	new(drains),
	new(mayDrain),
	new(handles),
	new(commandTree),
}

// startsServer is a fact about a function: calling it starts serving HTTP
// (it reaches a server start, possibly in a goroutine it launches).
type startsServer struct{}

func (*startsServer) AFact()         {}
func (*startsServer) String() string { return "startsServer" }

// subscribes is a fact about a function, or about a package whose
// initialization does so: calling it subscribes to the given signals.
type subscribes struct{ Signals sigset }

func (*subscribes) AFact()           {}
func (f *subscribes) String() string { return "subscribes(" + f.Signals.String() + ")" }

// signalList is a fact about a package-level variable of a signal or
// signal-slice type: the signals it may hold.
type signalList struct{ Signals sigset }

func (*signalList) AFact()           {}
func (f *signalList) String() string { return "signals(" + f.Signals.String() + ")" }

// A sigset is what a list of signal expressions may contain.
type sigset uint8

const (
	sigTERM    sigset = 1 << iota // SIGTERM
	sigINT                        // SIGINT or os.Interrupt
	sigOther                      // some other, known signal
	sigAll                        // every signal (signal.Notify with no signals)
	sigUnknown                    // something we could not resolve
)

// hasTERM reports whether the set may include SIGTERM. Unresolved
// expressions count, so that what we cannot see never causes a report.
func (s sigset) hasTERM() bool { return s&(sigTERM|sigAll|sigUnknown) != 0 }

// terminates reports whether a subscription to s learns of a termination
// signal (SIGTERM or SIGINT), which makes its receivers wait points.
func (s sigset) terminates() bool { return s.hasTERM() || s&sigINT != 0 }

func (s sigset) String() string {
	var names []string
	for _, b := range []struct {
		bit  sigset
		name string
	}{{sigTERM, "SIGTERM"}, {sigINT, "SIGINT"}, {sigOther, "other"}, {sigAll, "all"}, {sigUnknown, "unknown"}} {
		if s&b.bit != 0 {
			names = append(names, b.name)
		}
	}
	return strings.Join(names, ",")
}

// names describes a known set without SIGTERM, for messages.
func (s sigset) names() string {
	switch {
	case s&sigINT != 0 && s&sigOther != 0:
		return "SIGINT and other signals"
	case s&sigINT != 0:
		return "SIGINT"
	}
	return "other signals"
}

// returnsSignal is a fact about a function: its results may be signal
// values (Kinds[i] is a valKind for result i): a channel fed by
// signal.Notify, or a context cancelled by a termination signal.
type returnsSignal struct{ Kinds []uint8 }

func (*returnsSignal) AFact() {}
func (f *returnsSignal) String() string {
	var parts []string
	for i, k := range f.Kinds {
		var names []string
		for _, b := range []struct {
			bit  valKind
			name string
		}{{valChan, "chan"}, {valCtx, "ctx"}, {valDone, "done"}} {
			if valKind(k)&b.bit != 0 {
				names = append(names, b.name)
			}
		}
		if len(names) > 0 {
			parts = append(parts, fmt.Sprintf("%d:%s", i, strings.Join(names, "|")))
		}
	}
	return "returnsSignal(" + strings.Join(parts, ",") + ")"
}

// waitsForSignal is a fact about a function: it blocks until a
// termination signal arrives, so code after a call of it is a handler path.
type waitsForSignal struct{}

func (*waitsForSignal) AFact()         {}
func (*waitsForSignal) String() string { return "waitsForSignal" }

// drains is a fact about a function: it calls (*http.Server).Shutdown, or
// a framework's graceful stop, and waits for it to return.
type drains struct{}

func (*drains) AFact()         {}
func (*drains) String() string { return "drains" }

// mayDrain is a fact about a function that does not drain as far as we
// can see, but calls an interface method named like a drain (see
// isDrainLike): a kratos-style App.Stop ranging over its transport
// servers. Handler paths through it stay quiet rather than guess.
type mayDrain struct{}

func (*mayDrain) AFact()         {}
func (*mayDrain) String() string { return "mayDrain" }

// handles is a fact about a function whose call waits for a termination
// signal out of the caller's sight: in a goroutine it starts (Goroutine),
// or on the context or channel it is given as parameter Param (-1 when it
// subscribes itself). Events are what its handler path does after the
// wait, in order: the caller's handler path, seen through the call.
type handles struct {
	Param     int
	Goroutine bool
	Events    []handlerEvent
}

// A handlerEvent is an event of another package's handler path: a delay,
// drain, close, exit or a wait for something else (evDelay ... evBlock).
type handlerEvent struct {
	Kind  evKind
	Nanos int64 // evDelay
	Const bool  // evDelay: Nanos is known
	Calls int   // evBlock: 1 + the index of the function parameter it calls (0: none)
	Done  bool  // evDrain: given the signal context, which is done by then
}

func (*handles) AFact() {}
func (f *handles) String() string {
	var b strings.Builder
	b.WriteString("handles(")
	switch {
	case f.Param >= 0:
		fmt.Fprintf(&b, "param %d", f.Param)
	default:
		b.WriteString("signal")
	}
	if f.Goroutine {
		b.WriteString(" in a goroutine")
	}
	b.WriteString(":")
	writeEvents(&b, f.Events)
	b.WriteString(")")
	return b.String()
}

// writeEvents writes a fact's handler path, each event after a space.
func writeEvents(b *strings.Builder, events []handlerEvent) {
	for _, e := range events {
		switch e.Kind {
		case evDelay:
			if e.Const {
				fmt.Fprintf(b, " delay %v", time.Duration(e.Nanos))
			} else {
				b.WriteString(" delay")
			}
		case evDrain:
			b.WriteString(" drain")
			if e.Done {
				b.WriteString(" (done context)")
			}
		case evClose:
			b.WriteString(" close")
		case evExit:
			b.WriteString(" exit")
		case evBlock:
			if e.Calls > 0 {
				fmt.Fprintf(b, " calls param %d", e.Calls-1)
			} else {
				b.WriteString(" block")
			}
		}
	}
}

// commandTree is a fact about an exported package-level variable holding
// a CLI command (go-containerregistry's cmd.Root, distribution's
// registry.RootCmd) whose tree has a command that starts a server: what
// executing it may do, for the program that executes it.
type commandTree struct {
	Waits  bool           // the serving commands wait for a termination signal
	Ctx    bool           // Waits on their Context(): only when executed with a signal context (ExecuteContext)
	Events []handlerEvent // what they do after the wait
}

func (*commandTree) AFact() {}
func (f *commandTree) String() string {
	var b strings.Builder
	b.WriteString("commandTree(serves")
	if f.Waits {
		b.WriteString(", handles")
		if f.Ctx {
			b.WriteString(" its context")
		}
		b.WriteString(":")
		writeEvents(&b, f.Events)
	}
	b.WriteString(")")
	return b.String()
}

// evKind is the kind of a termination event (see summaries.go).
type evKind uint8

const (
	evWait   evKind = iota // a termination signal arrives
	evDelay                // time passes: time.Sleep, <-time.After, ...
	evDrain                // (*http.Server).Shutdown, or a function that drains
	evClose                // (*http.Server).Close
	evExit                 // os.Exit, log.Fatal, a function that never returns
	evBlock                // waits for something else (a channel, a WaitGroup, a Stop)
	evReturn               // the walked function itself returns
	evRelay                // sends to or closes a channel, or cancels a context (see resolveRelays)
)

// Signal values are the channels and contexts through which code learns
// that a termination signal arrived: a channel a terminating
// signal.Notify feeds, a context from a terminating signal.NotifyContext
// or derived from one, and the Done channel of such a context. They
// travel through variables, struct fields, parameters and results of this
// package's functions (followed flow-insensitively to a fixed point), and
// through results of other packages' functions (returnsSignal facts).
type valKind uint8

const (
	valChan valKind = 1 << iota // a channel fed by signal.Notify
	valCtx                      // a context cancelled by a signal
	valDone                     // the Done channel of such a context
)
