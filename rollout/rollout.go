// Package rollout runs an HTTP server program through a simulated
// Kubernetes rolling update and reports what its clients saw.
//
// In a rolling update the kubelet sends SIGTERM to the old pod at the
// moment the pod leaves the Service's endpoints; load balancers keep
// opening new connections to it for a few more seconds (the propagation
// window), connections opened earlier keep carrying requests, and the
// kubelet sends SIGKILL at the end of the grace period. Run reproduces
// that on the loopback interface: it starts the program, sends a steady
// stream of requests (new connections, kept-alive connections, and slow
// uploads that are in flight when the signal comes), sends SIGTERM,
// keeps opening new connections for Config.Window, and counts by phase
// the requests that were refused, reset or cut. A program that keeps
// serving through the window and then drains drops none:
//
//	func TestRollout(t *testing.T) {
//		r, err := rollout.Run(t.Context(), rollout.Config{Package: "./cmd/server"})
//		if err != nil {
//			t.Fatal(err)
//		}
//		if r.Dropped() > 0 || r.Killed {
//			t.Errorf("requests dropped during a rollout:\n%v", r)
//		}
//	}
//
// Run never connects beyond the loopback interface, bounds every loop in
// time and count, and stops by itself.
package rollout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Config says what to run and how the rollout goes. The zero value of
// each duration and count means its default.
type Config struct {
	// Package is the main package to build with `go build`, as an import
	// path or a directory ("./cmd/server"), resolved in Dir.
	Package string
	// Binary is a program already built; set Binary or Package.
	Binary string
	// Dir is the directory to build in and to run the program in; the
	// current one when empty.
	Dir string
	// Args are the program's arguments.
	Args []string
	// Env is added to the harness's environment for the program.
	Env []string

	// Addr is the loopback address the program listens on, such as
	// "127.0.0.1:8080" or ":8080" (127.0.0.1). When empty, the harness
	// finds the one TCP port the program listens on (Linux only).
	Addr string
	// Path is the path requested, "/" by default.
	Path string

	// StartTimeout bounds the wait for the program to listen (10s).
	StartTimeout time.Duration
	// Warmup is how long traffic runs before SIGTERM (1s).
	Warmup time.Duration
	// Window is how long after SIGTERM new connections still arrive: the
	// lag of kube-proxy, ingresses and load balancers (5s).
	Window time.Duration
	// GracePeriod is when SIGKILL follows SIGTERM, like the pod's
	// terminationGracePeriodSeconds (30s).
	GracePeriod time.Duration

	// Clients is the number of clients of each kind: new connection per
	// request, kept-alive connection, slow upload (4).
	Clients int
	// Interval is the pause between two requests of a client (10ms).
	Interval time.Duration
	// SlowDuration is how long a slow upload lasts (1s).
	SlowDuration time.Duration
	// RequestTimeout bounds each request (10s).
	RequestTimeout time.Duration

	// Output, if set, receives what the program prints, as it prints it.
	Output io.Writer
}

// withDefaults returns cfg with its zero settings set to their defaults.
func (cfg Config) withDefaults() Config {
	set := func(d *time.Duration, def time.Duration) {
		if *d == 0 {
			*d = def
		}
	}
	set(&cfg.StartTimeout, 10*time.Second)
	set(&cfg.Warmup, time.Second)
	set(&cfg.Window, 5*time.Second)
	set(&cfg.GracePeriod, 30*time.Second)
	set(&cfg.Interval, 10*time.Millisecond)
	set(&cfg.SlowDuration, time.Second)
	set(&cfg.RequestTimeout, 10*time.Second)
	if cfg.Clients == 0 {
		cfg.Clients = 4
	}
	if cfg.Path == "" {
		cfg.Path = "/"
	}
	return cfg
}

// check reports the first setting that makes no sense.
func (cfg *Config) check() error {
	switch {
	case (cfg.Package == "") == (cfg.Binary == ""):
		return errors.New("rollout: set exactly one of Config.Package and Config.Binary")
	case cfg.StartTimeout < 0, cfg.Warmup < 0, cfg.Window < 0, cfg.GracePeriod < 0,
		cfg.Interval < 0, cfg.SlowDuration < 0, cfg.RequestTimeout < 0, cfg.Clients < 0:
		return errors.New("rollout: negative duration or count in Config")
	case !strings.HasPrefix(cfg.Path, "/"):
		return fmt.Errorf("rollout: Config.Path %q does not start with /", cfg.Path)
	}
	return nil
}

// Run builds the program if needed, starts it, runs the rollout and
// returns what the clients saw. The error is about the harness or the
// program's start (it does not build, exits before the signal, never
// listens); dropped requests are in the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg = cfg.withDefaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	binary := cfg.Binary
	if cfg.Package != "" {
		tmp, err := os.MkdirTemp("", "rollout")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		binary = filepath.Join(tmp, "program")
		if err := build(ctx, cfg.Dir, cfg.Package, binary); err != nil {
			return nil, err
		}
	}
	p, err := start(&cfg, binary)
	if err != nil {
		return nil, err
	}
	defer p.kill()
	addr, err := p.waitListening(ctx)
	if err != nil {
		return nil, err
	}
	return p.rollout(ctx, addr)
}

// build builds the main package pkg into the file out.
func build(ctx context.Context, dir, pkg, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("rollout: go build %s: %v\n%s", pkg, err, msg)
	}
	return nil
}

// A process is the running program.
type process struct {
	cfg    *Config
	cmd    *exec.Cmd
	output *tailBuffer
	exited chan struct{} // closed when the program has ended
}

// start starts the program.
func start(cfg *Config, binary string) (*process, error) {
	cmd := exec.Command(binary, cfg.Args...)
	cmd.Dir = cfg.Dir
	cmd.Env = append(os.Environ(), cfg.Env...)
	p := &process{cfg: cfg, cmd: cmd, output: &tailBuffer{max: 64 << 10}, exited: make(chan struct{})}
	var out io.Writer = p.output
	if cfg.Output != nil {
		out = io.MultiWriter(p.output, cfg.Output)
	}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = time.Second // children that keep the pipes open
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("rollout: %v", err)
	}
	go func() {
		cmd.Wait() // its state is in cmd.ProcessState
		close(p.exited)
	}()
	return p, nil
}

// kill ends the program if it still runs, and waits for it.
func (p *process) kill() {
	select {
	case <-p.exited:
	default:
		p.cmd.Process.Kill()
		<-p.exited
	}
}

// exitedEarly returns the error for a program that ended before it should.
func (p *process) exitedEarly(when string) error {
	return fmt.Errorf("rollout: the program exited %s: %v\n%s", when, p.cmd.ProcessState, p.output)
}

// pollEvery is how often the harness looks for the program's listener.
const pollEvery = 10 * time.Millisecond

// waitListening waits until the program listens, and returns the
// loopback address to send requests to.
func (p *process) waitListening(ctx context.Context) (netip.AddrPort, error) {
	var want netip.AddrPort
	if p.cfg.Addr != "" {
		var err error
		if want, err = loopbackAddr(p.cfg.Addr); err != nil {
			return netip.AddrPort{}, fmt.Errorf("rollout: %v", err)
		}
	} else if !canDiscover() {
		return netip.AddrPort{}, errors.New("rollout: set Config.Addr: finding the address a program listens on needs Linux's /proc")
	}
	deadline := time.Now().Add(p.cfg.StartTimeout)
	for range p.cfg.StartTimeout/pollEvery + 1 {
		addr, ok, err := p.listening(want)
		if err != nil {
			return netip.AddrPort{}, err
		}
		if ok {
			return addr, nil
		}
		if time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return netip.AddrPort{}, ctx.Err()
		case <-p.exited:
			return netip.AddrPort{}, p.exitedEarly("before it listened")
		case <-time.After(pollEvery):
		}
	}
	what := "any loopback address"
	if want.IsValid() {
		what = want.String()
	}
	return netip.AddrPort{}, fmt.Errorf("rollout: the program did not listen on %s within %v\n%s", what, p.cfg.StartTimeout, p.output)
}

// settle is how long the harness waits, after it first sees a listener,
// for the others that a program opens at the same time.
const settle = 100 * time.Millisecond

// listening reports whether the program listens on want, or, if want is
// not valid, on exactly one loopback or wildcard address, and returns
// the address to send requests to.
func (p *process) listening(want netip.AddrPort) (netip.AddrPort, bool, error) {
	if !canDiscover() {
		return want, dialable(want), nil
	}
	ls, err := listeners(p.cmd.Process.Pid)
	if err != nil || len(ls) == 0 {
		return netip.AddrPort{}, false, nil // not yet, or exited
	}
	if want.IsValid() {
		for _, l := range ls {
			if l.accepts(want) {
				return want, true, nil
			}
		}
		return netip.AddrPort{}, false, nil
	}
	time.Sleep(settle)
	if ls, err = listeners(p.cmd.Process.Pid); err != nil {
		return netip.AddrPort{}, false, nil
	}
	var addrs []netip.AddrPort
	var others []string
	for _, l := range ls {
		if a, ok := l.dialAddr(); ok {
			addrs = append(addrs, a)
		} else {
			others = append(others, l.local.String())
		}
	}
	switch {
	case len(addrs) == 1:
		return addrs[0], true, nil
	case len(addrs) > 1:
		return netip.AddrPort{}, false, fmt.Errorf("rollout: the program listens on several ports (%v): set Config.Addr to the one to test", addrs)
	case len(others) > 0:
		return netip.AddrPort{}, false, fmt.Errorf("rollout: the program listens only beyond the loopback interface (%s): the harness does not send requests there", strings.Join(others, ", "))
	}
	return netip.AddrPort{}, false, nil
}

// rollout runs the traffic, sends SIGTERM, and reports.
func (p *process) rollout(ctx context.Context, addr netip.AddrPort) (*Report, error) {
	cfg := p.cfg
	tr := newTraffic(cfg, addr, p.exited)
	tr.run()
	abort := func(err error) (*Report, error) {
		p.kill()
		tr.stop(0)
		return nil, err
	}

	if !wait(ctx, p.exited, cfg.Warmup) {
		if ctx.Err() != nil {
			return abort(ctx.Err())
		}
		return abort(p.exitedEarly("before the signal"))
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return abort(fmt.Errorf("rollout: sending SIGTERM: %v", err))
	}
	sent := time.Now()
	tr.signal()

	killed := false
	grace := time.NewTimer(cfg.GracePeriod)
	defer grace.Stop()
	select {
	case <-p.exited:
	case <-grace.C:
		p.cmd.Process.Kill()
		killed = true
		<-p.exited
	case <-ctx.Done():
		return abort(ctx.Err())
	}
	exitTime := time.Since(sent)

	// The load balancers keep sending to the address until the window
	// ends, whether the program still listens or not.
	if left := cfg.Window - time.Since(sent); left > 0 && !wait(ctx, nil, left) {
		return abort(ctx.Err())
	}
	counts, examples := tr.stop(cfg.RequestTimeout)
	r := &Report{
		Addr:        addr.String(),
		Phases:      counts,
		Errors:      examples,
		Window:      cfg.Window,
		GracePeriod: cfg.GracePeriod,
		ExitStatus:  p.cmd.ProcessState.String(),
		ExitCode:    p.cmd.ProcessState.ExitCode(),
		Killed:      killed,
		TimeToExit:  exitTime,
		Output:      p.output.String(),
	}
	return r, nil
}

// wait waits for d, and reports whether it passed before ctx was done or
// stop was closed.
func wait(ctx context.Context, stop <-chan struct{}, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-stop:
	case <-ctx.Done():
	}
	return false
}

// A tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf bytes.Buffer
}

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(p)
	if over := b.buf.Len() - b.max; over > 0 {
		b.buf.Next(over)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
