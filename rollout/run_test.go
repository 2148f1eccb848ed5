package rollout_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sigtermcheck/sigtermcheck/rollout"
)

// shortRollout is a rollout of a few seconds for the programs of
// testdata, which find their port themselves.
var shortRollout = rollout.Config{
	Warmup:       200 * time.Millisecond,
	Window:       300 * time.Millisecond,
	GracePeriod:  1500 * time.Millisecond,
	SlowDuration: 200 * time.Millisecond,
	Clients:      2,
}

// requireLinux skips tests that let the harness find the program's port
// in /proc.
func requireLinux(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("the harness finds the program's port in /proc, which %s does not have", runtime.GOOS)
	}
}

// TestRunDrain builds a program that finds its own port, and runs it with
// a delay longer than the window (nothing dropped) and with none (the
// window's connections refused).
func TestRunDrain(t *testing.T) {
	requireLinux(t)
	cfg := shortRollout
	cfg.Package = "./testdata/drain"
	cfg.Args = []string{"-delay=600ms"}
	r, err := rollout.Run(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.Addr, "127.0.0.1:") || r.Dropped() > 0 || r.Killed || r.ExitCode != 0 {
		t.Errorf("a program that drains after the window:\n%v%s", r, r.Output)
	}
	for p, c := range r.Phases[:rollout.After] {
		if c[rollout.OK] == 0 {
			t.Errorf("no request succeeded in phase %d:\n%v", p, r)
		}
	}
	if r.TimeToExit < 600*time.Millisecond || r.TimeToExit > cfg.GracePeriod {
		t.Errorf("time to exit %v, want between the delay and the grace period", r.TimeToExit)
	}

	cfg.Args = []string{"-delay=0s"}
	r, err = rollout.Run(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if w := r.Phases[rollout.Window]; w[rollout.Refused] == 0 || w[rollout.OK] > w[rollout.Refused] {
		t.Errorf("a program that drains at once: the window's connections are not refused:\n%v", r)
	}
	if r.Killed || r.ExitCode != 0 {
		t.Errorf("a program that drains at once does not exit on its own:\n%v", r)
	}
}

// TestRunKilled runs a program that ignores SIGTERM: SIGKILL at the end
// of the grace period cuts the uploads in flight.
func TestRunKilled(t *testing.T) {
	requireLinux(t)
	cfg := shortRollout
	cfg.Package = "./testdata/ignoreterm"
	r, err := rollout.Run(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Killed || r.ExitStatus != "signal: killed" || r.Dropped() == 0 {
		t.Errorf("a program that ignores SIGTERM, killed with requests in flight:\n%v", r)
	}
	if r.TimeToExit < cfg.GracePeriod {
		t.Errorf("time to exit %v, want the grace period, %v, or a little more", r.TimeToExit, cfg.GracePeriod)
	}
	if r.Phases[rollout.After][rollout.OK] == 0 {
		t.Errorf("kept-alive connections carried no request after the window:\n%v", r)
	}
}

func TestRunErrors(t *testing.T) {
	requireLinux(t)
	for _, c := range []struct {
		name string
		cfg  rollout.Config
		want string
	}{
		{"no program", rollout.Config{}, "set exactly one of Config.Package and Config.Binary"},
		{"beyond loopback", rollout.Config{Package: "./testdata/drain", Addr: "192.0.2.1:80"}, "not a loopback address"},
		{"exits at once", rollout.Config{Package: "./testdata/noserve"}, "exited before it listened: exit status 2\nnoserve: no configuration"},
		{"does not build", rollout.Config{Package: "./testdata/nosuchdir"}, "go build ./testdata/nosuchdir"},
		{"never listens there", rollout.Config{Package: "./testdata/drain", Addr: ":1", StartTimeout: 300 * time.Millisecond}, "did not listen on 127.0.0.1:1 within 300ms"},
	} {
		_, err := rollout.Run(t.Context(), c.cfg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Run error %v, want %q", c.name, err, c.want)
		}
	}
}
