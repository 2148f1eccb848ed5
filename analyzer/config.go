package analyzer

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Config holds the settings of one sigtermcheck analyzer instance. The
// command-line flags and the golangci-lint plugin settings both fill one.
type Config struct {
	// MinDelay is the shortest constant delay accepted before a drain.
	MinDelay time.Duration
	// Delay is the propagation delay that suggested fixes insert.
	Delay time.Duration
	// Disable lists the names of checks that are turned off.
	Disable []string
	// GracePeriod is the pod's terminationGracePeriodSeconds: SIGKILL
	// comes that long after the pod starts stopping (SPEC 3.8). Zero (in
	// a Config built by hand) means unknown: no budget is checked.
	GracePeriod time.Duration
	// PrestopDelay is how long the pod's preStop hook sleeps before
	// SIGTERM is sent: a delay before every drain, inside the budget.
	PrestopDelay time.Duration
	// MinDrain is the shortest time a drain may be left (SPEC 3.6, 3.8).
	MinDrain time.Duration
}

// DefaultConfig returns the settings used when no flag is given.
func DefaultConfig() Config {
	return Config{
		MinDelay:    5 * time.Second,
		Delay:       15 * time.Second,
		GracePeriod: 30 * time.Second,
		MinDrain:    5 * time.Second,
	}
}

// Validate reports the first invalid setting, naming its flag.
func (c Config) Validate() error {
	if c.MinDelay < 0 {
		return fmt.Errorf("-min-delay: must not be negative, got %v", c.MinDelay)
	}
	if c.Delay <= 0 {
		return fmt.Errorf("-delay: must be positive, got %v", c.Delay)
	}
	if c.GracePeriod < 0 {
		return fmt.Errorf("-grace-period: must be positive, got %v", c.GracePeriod)
	}
	if c.PrestopDelay < 0 || c.MinDrain < 0 {
		return fmt.Errorf("-prestop-delay and -min-drain: must not be negative, got %v and %v", c.PrestopDelay, c.MinDrain)
	}
	if c.Delay < c.MinDelay {
		return fmt.Errorf("-delay (%v) is shorter than -min-delay (%v): the delay that fixes insert would be reported", c.Delay, c.MinDelay)
	}
	if c.GracePeriod > 0 && c.PrestopDelay+c.Delay+c.MinDrain > c.GracePeriod {
		return fmt.Errorf("-prestop-delay (%v) + -delay (%v) + -min-drain (%v) exceed -grace-period (%v): a fixed program would be killed before it drains",
			c.PrestopDelay, c.Delay, c.MinDrain, c.GracePeriod)
	}
	for _, name := range c.Disable {
		if checkByName(name) == nil {
			return fmt.Errorf("-disable: unknown check %q (known checks: %s)", name, strings.Join(CheckNames(), ", "))
		}
	}
	return nil
}

func (c *Config) enabled(check string) bool {
	return !slices.Contains(c.Disable, check)
}

// registerFlags binds the analyzer's flags to c.
func (c *Config) registerFlags(fs *flag.FlagSet) {
	fs.Var(durationFlag{&c.MinDelay, "min-delay", false}, "min-delay",
		"shortest constant delay accepted before Shutdown")
	fs.Var(durationFlag{&c.Delay, "delay", true}, "delay",
		"propagation delay that suggested fixes insert")
	fs.Var(durationFlag{&c.GracePeriod, "grace-period", true}, "grace-period",
		"the pod's terminationGracePeriodSeconds: SIGKILL comes this long after SIGTERM and the preStop hook")
	fs.Var(durationFlag{&c.PrestopDelay, "prestop-delay", false}, "prestop-delay",
		"how long the pod's preStop hook sleeps: a delay before every drain")
	fs.Var(durationFlag{&c.MinDrain, "min-drain", false}, "min-drain",
		"shortest time a drain may be left, by its deadline or the grace period")
	fs.Var(disableFlag{&c.Disable}, "disable",
		"comma-separated list of checks to turn off: "+strings.Join(CheckNames(), ", "))
}

// durationFlag is a time.Duration flag that rejects negative (and, if
// positive is set, zero) values, so that a bad setting fails loudly.
type durationFlag struct {
	d        *time.Duration
	name     string
	positive bool
}

func (f durationFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.String()
}

func (f durationFlag) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("not a duration (want for example 5s or 1m30s)")
	}
	if d < 0 || (f.positive && d == 0) {
		return fmt.Errorf("must be positive")
	}
	*f.d = d
	return nil
}

// disableFlag is a comma-separated list of check names.
type disableFlag struct{ names *[]string }

func (f disableFlag) String() string {
	if f.names == nil {
		return ""
	}
	return strings.Join(*f.names, ",")
}

func (f disableFlag) Set(s string) error {
	var names []string
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if checkByName(name) == nil {
			return fmt.Errorf("unknown check %q (known checks: %s)", name, strings.Join(CheckNames(), ", "))
		}
		names = append(names, name)
	}
	*f.names = names
	return nil
}
