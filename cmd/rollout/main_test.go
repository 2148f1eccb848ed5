package main

import (
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sigtermcheck/sigtermcheck/rollout"
)

// TestDemo runs the README's demo on examples/hello with short settings:
// sigtermcheck reports it, the program as it is drops requests, and the
// fixed one none.
func TestDemo(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skipf("the demo finds the program's port in /proc, which %s does not have", runtime.GOOS)
	}
	var out strings.Builder
	opts := options{
		rollout: rollout.Config{
			Warmup:       300 * time.Millisecond,
			Window:       500 * time.Millisecond,
			GracePeriod:  3 * time.Second,
			SlowDuration: 300 * time.Millisecond,
		},
		fixFlags: []string{"-delay=1s", "-min-delay=1s"},
	}
	ok, err := demo(t.Context(), &out, "../../examples/hello", opts)
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !ok {
		t.Errorf("the fixed example drops requests:\n%s", got)
	}
	for _, want := range []string{
		`(?m)^\$ sigtermcheck \./\.\./\.\./examples/hello\n  main\.go:\d+:\d+: server started without handling SIGTERM`,
		`(?m)^\.\./\.\./examples/hello, as it is:\n(.*\n){4}  exit: signal: terminated, .*\n  dropped: [1-9]\d* of \d+ requests\n`,
		`(?m)^\.\./\.\./examples/hello, after sigtermcheck -fix:\n(.*\n){4}  exit: exit status 0, .*\n  dropped: none of [1-9]\d* requests\n`,
	} {
		if !regexp.MustCompile(want).MatchString(got) {
			t.Errorf("output does not match %s:\n%s", want, got)
		}
	}
}
