package rollout

import (
	"fmt"
	"strings"
	"time"
)

// A Phase is a period of the rollout, relative to SIGTERM. A request
// belongs to the phase in which it was sent.
type Phase int

const (
	// Before is the traffic before SIGTERM.
	Before Phase = iota
	// Window is the propagation window after SIGTERM, while load
	// balancers still open new connections to the program.
	Window
	// After is the time after the window until the program exits: only
	// connections opened earlier still carry requests.
	After

	numPhases
)

// An Outcome is what a client saw of one request.
type Outcome int

const (
	// OK: a complete response, whatever its status below 500.
	OK Outcome = iota
	// Refused: the connection was refused (ECONNREFUSED), nothing listens.
	Refused
	// Reset: the connection was reset (ECONNRESET, EPIPE).
	Reset
	// Cut: the connection closed before the response was complete (EOF,
	// an empty reply or a truncated one).
	Cut
	// Timeout: no response within Config.RequestTimeout, or none when
	// the harness stopped.
	Timeout
	// Status5xx: a complete response with a status of 500 or more.
	Status5xx
	// Failed: any other error.
	Failed

	numOutcomes
)

var outcomeNames = [numOutcomes]string{"ok", "refused", "reset", "cut", "timeout", "5xx", "failed"}

func (o Outcome) String() string {
	if o < 0 || o >= numOutcomes {
		return fmt.Sprintf("Outcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// Counts holds the number of requests of each outcome.
type Counts [numOutcomes]int

// Dropped returns the number of requests that did not get a good
// response.
func (c Counts) Dropped() int {
	n := 0
	for o, k := range c {
		if Outcome(o) != OK {
			n += k
		}
	}
	return n
}

// Total returns the number of requests.
func (c Counts) Total() int {
	return c.Dropped() + c[OK]
}

// A Report is what clients saw of one rollout.
type Report struct {
	// Addr is the loopback address the requests went to.
	Addr string
	// Phases counts the requests of each phase by outcome.
	Phases [numPhases]Counts
	// Errors holds the first error that clients saw for each outcome.
	Errors [numOutcomes]string
	// Window and GracePeriod are the settings the rollout ran with.
	Window, GracePeriod time.Duration
	// ExitStatus is how the program ended, as os.ProcessState prints it
	// ("exit status 0", "signal: terminated", "signal: killed").
	ExitStatus string
	// ExitCode is the program's exit code, -1 when a signal ended it.
	ExitCode int
	// Killed reports whether the harness sent SIGKILL at the end of the
	// grace period.
	Killed bool
	// TimeToExit is the time from SIGTERM to the program's end.
	TimeToExit time.Duration
	// Output is the end of what the program printed (stdout and stderr).
	Output string
}

// Dropped returns the number of requests, in all phases, that did not get
// a good response.
func (r *Report) Dropped() int {
	n := 0
	for _, c := range r.Phases {
		n += c.Dropped()
	}
	return n
}

// Total returns the number of requests sent.
func (r *Report) Total() int {
	n := 0
	for _, c := range r.Phases {
		n += c.Total()
	}
	return n
}

// String returns the report as a small table, one row per phase, then the
// program's exit and the verdict. Columns that are zero in every phase
// are left out, except ok, refused, reset and cut.
func (r *Report) String() string {
	var cols []Outcome
	for o := range numOutcomes {
		if o <= Cut || r.column(o) > 0 {
			cols = append(cols, o)
		}
	}
	rows := [numPhases]string{
		"sent before SIGTERM",
		fmt.Sprintf("sent in the %v window", r.Window),
		"sent after the window",
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-26s", "requests to "+r.Addr)
	for _, o := range cols {
		fmt.Fprintf(&b, " %8s", o)
	}
	b.WriteString("\n")
	for p, c := range r.Phases {
		fmt.Fprintf(&b, "%-26s", rows[p])
		for _, o := range cols {
			fmt.Fprintf(&b, " %8d", c[o])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "exit: %s, %v after SIGTERM", r.ExitStatus, round(r.TimeToExit))
	if r.Killed {
		fmt.Fprintf(&b, " (SIGKILL at the end of the %v grace period)", r.GracePeriod)
	} else {
		fmt.Fprintf(&b, " (grace period %v)", r.GracePeriod)
	}
	b.WriteString("\n")
	if n := r.Dropped(); n > 0 {
		fmt.Fprintf(&b, "dropped: %d of %d requests\n", n, r.Total())
	} else {
		fmt.Fprintf(&b, "dropped: none of %d requests\n", r.Total())
	}
	return b.String()
}

// column returns the number of requests of outcome o in all phases.
func (r *Report) column(o Outcome) int {
	n := 0
	for _, c := range r.Phases {
		n += c[o]
	}
	return n
}

// round rounds d for display: milliseconds under a second, else tenths.
func round(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
