package analyzer_test

import (
	"strings"
	"testing"
	"time"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

func TestNewWithConfig(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		cfg  analyzer.Config
		err  string // substring; "" means valid
	}{
		{"defaults", analyzer.DefaultConfig(), ""},
		{"all checks disabled", analyzer.Config{MinDelay: time.Second, Delay: time.Second, Disable: analyzer.CheckNames()}, ""},
		{"zero min-delay", analyzer.Config{Delay: time.Second}, ""},
		{"negative min-delay", analyzer.Config{MinDelay: -time.Second, Delay: time.Second}, "-min-delay: must not be negative"},
		{"zero delay", analyzer.Config{MinDelay: time.Second}, "-delay: must be positive"},
		{"unknown check", analyzer.Config{Delay: time.Second, Disable: []string{"missing-sigterm", "nope"}}, `-disable: unknown check "nope" (known checks: missing-sigterm, exit-in-handler`},
		{"delay under min-delay", analyzer.Config{MinDelay: 5 * time.Second, Delay: time.Second}, "-delay (1s) is shorter than -min-delay (5s)"},
		{"budget fits", withBudget(30*time.Second, 10*time.Second, 5*time.Second), ""},
		{"budget exceeded", withBudget(0, 15*time.Second, 5*time.Second), "-prestop-delay (15s) + -delay (15s) + -min-drain (5s) exceed -grace-period (30s)"},
		{"negative prestop", withBudget(30*time.Second, -time.Second, 5*time.Second), "-prestop-delay and -min-drain: must not be negative"},
		{"unknown grace period", analyzer.Config{Delay: time.Minute}, ""},
	} {
		a, err := analyzer.NewWithConfig(tc.cfg)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.name, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.err)
		case tc.err == "" && a.Flags.Lookup("min-delay") == nil:
			t.Errorf("%s: analyzer has no -min-delay flag", tc.name)
		}
	}
}

// TestFlagsAreOwn checks that each analyzer has its own settings: setting a
// flag on one does not change another.
func TestFlagsAreOwn(t *testing.T) {
	t.Parallel()
	a, b := analyzer.New(), analyzer.New()
	if err := a.Flags.Set("min-delay", "1m"); err != nil {
		t.Fatal(err)
	}
	if got := b.Flags.Lookup("min-delay").Value.String(); got != "5s" {
		t.Errorf("b's -min-delay = %s after setting a's, want 5s", got)
	}
	for flag, value := range map[string]string{"min-delay": "soon", "delay": "0s", "disable": "exit-in-handler,typo"} {
		if err := a.Flags.Set(flag, value); err == nil {
			t.Errorf("-%s=%s: no error", flag, value)
		}
	}
}

// withBudget returns the default settings with the given grace period,
// preStop delay and minimum drain; a zero grace period keeps the default.
func withBudget(grace, prestop, minDrain time.Duration) analyzer.Config {
	cfg := analyzer.DefaultConfig()
	if grace != 0 {
		cfg.GracePeriod = grace
	}
	cfg.PrestopDelay, cfg.MinDrain = prestop, minDrain
	return cfg
}
