package driver

// The driver end to end (help, -explain, -tags, -fix, go vet) is tested
// through the built binary in cmd/sigtermcheck; these tests hold the
// small decisions it is made of.

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

func TestIsBuildToolRun(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-flags"}, true},
		{[]string{"-V=full"}, true},
		{[]string{"-json", "-min-delay=1s", "/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-V"}, false},
		{[]string{"help"}, false},
		{[]string{"-fix", "./cmd/..."}, false},
	} {
		if got := isBuildToolRun(tc.args); got != tc.want {
			t.Errorf("isBuildToolRun(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestWithTags(t *testing.T) {
	for _, tc := range []struct{ goflags, tags, want string }{
		{"", "prod", "-tags=prod"},
		{"", "prod,linux", "-tags=prod,linux"},
		{"", "prod linux", "-tags=prod,linux"}, // the old space-separated form
		{"-mod=vendor", "prod", "-mod=vendor -tags=prod"},
		{" -tags=dev ", "prod", "-tags=dev -tags=prod"}, // the last one wins
	} {
		if got := withTags(tc.goflags, tc.tags); got != tc.want {
			t.Errorf("withTags(%q, %q) = %q, want %q", tc.goflags, tc.tags, got, tc.want)
		}
	}
}

// TestFirstToFail checks that of the runs of one go command (one work
// directory), only the first prints a flag error, and that runs outside
// a go command's work directory always print it.
func TestFirstToFail(t *testing.T) {
	work := filepath.Join(t.TempDir(), "go-build123")
	for _, b := range []string{"b001", "b002"} {
		if err := os.MkdirAll(filepath.Join(work, b), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if !firstToFail(filepath.Join(work, "b001", "vet.cfg")) {
		t.Error("the first run of a go command does not print the error")
	}
	if firstToFail(filepath.Join(work, "b002", "vet.cfg")) {
		t.Error("a second run of the same go command prints the error again")
	}
	other := t.TempDir()
	for range 2 {
		if !firstToFail(filepath.Join(other, "vet.cfg")) {
			t.Error("a run outside a go command's work directory does not print the error")
		}
	}
	if entries, _ := os.ReadDir(other); len(entries) != 0 {
		t.Errorf("firstToFail wrote %v outside a go command's work directory", entries)
	}
}

// TestChildArgs checks that the child run of -fix gets the flags given,
// except those the driver handles itself, and the packages.
func TestChildArgs(t *testing.T) {
	var o options
	fs := newFlagSet(analyzer.New(), &o)
	if err := fs.Parse([]string{"-fix", "-tags=prod", "-min-delay=2s", "-disable", "exit-in-handler", "./cmd/...", "./lib"}); err != nil {
		t.Fatal(err)
	}
	got := childArgs(fs)
	want := []string{"-disable=exit-in-handler", "-fix=true", "-min-delay=2s", "./cmd/...", "./lib"}
	if !slices.Equal(got, want) {
		t.Errorf("childArgs = %q, want %q", got, want)
	}
}

// TestStandaloneFlags checks that the standalone flags are the
// analyzer's and the driver's, and that a bad value is one line naming
// the flag and a pointer to help, with exit status 2.
func TestStandaloneFlags(t *testing.T) {
	var o options
	fs := newFlagSet(analyzer.New(), &o)
	for _, name := range []string{"min-delay", "delay", "disable", "json", "fix", "diff", "tags", "explain", "c", "test", "V"} {
		if fs.Lookup(name) == nil {
			t.Errorf("no -%s flag", name)
		}
	}
	var stdout, stderr strings.Builder
	code := run(analyzer.New(), []string{"-min-delay=abc", "./..."}, &stdout, &stderr)
	want := "sigtermcheck: invalid value \"abc\" for flag -min-delay: not a duration (want for example 5s or 1m30s)\nrun 'sigtermcheck help' for usage\n"
	if code != exitUsage || stderr.String() != want || stdout.Len() != 0 {
		t.Errorf("bad -min-delay: exit %d, stderr %q, want %d and %q", code, stderr.String(), exitUsage, want)
	}
	stderr.Reset()
	if code := run(analyzer.New(), []string{"-nope"}, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "flag provided but not defined: -nope") {
		t.Errorf("unknown flag: exit %d, stderr %q", code, stderr.String())
	}
	// Flags that mean nothing together: one line naming them.
	for _, args := range [][]string{{"-diff", "./..."}, {"-json", "-fix", "./..."}} {
		stderr.Reset()
		code := run(analyzer.New(), args, &stdout, &stderr)
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if code != exitUsage || len(lines) != 1 || !strings.Contains(lines[0], args[0]) || stdout.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q, want %d and one line naming %s", args, code, stderr.String(), exitUsage, args[0])
		}
	}
}

// TestReadUnfixed checks that the reports recorded by the child run come
// back each once (a package's test variant reports again) and sorted.
func TestReadUnfixed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "unfixed.jsonl")
	lines := []string{
		`{"file":"/m/b.go","line":3,"column":1,"message":"b (missing-sigterm)"}`,
		`{"file":"/m/a.go","line":9,"column":2,"message":"a2 (exit-in-handler)","related":[{"file":"/m/a.go","line":4,"column":1,"message":"the signal arrives here"}]}`,
		`{"file":"/m/a.go","line":5,"column":2,"message":"a1 (missing-sigterm)"}`,
		`{"file":"/m/b.go","line":3,"column":1,"message":"b (missing-sigterm)"}`,
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	reports, err := readUnfixed(path)
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	printReports(&got, reports, -1)
	want := "/m/a.go:5:2: a1 (missing-sigterm)\n" +
		"/m/a.go:9:2: a2 (exit-in-handler)\n" +
		"/m/a.go:4:1: \tthe signal arrives here\n" +
		"/m/b.go:3:1: b (missing-sigterm)\n"
	if got.String() != want {
		t.Errorf("reports:\n%s\nwant:\n%s", got.String(), want)
	}
}

func TestShortPath(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(wd, "cmd", "main.go"), filepath.Join("cmd", "main.go")},
		{"/", "/"},
		{"relative.go", "relative.go"},
	} {
		if got := shortPath(tc.path); got != tc.want {
			t.Errorf("shortPath(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
	if got := shortenPositions(filepath.Join(wd, "x.go") + ":3:4: undefined: y"); got != "x.go:3:4: undefined: y" {
		t.Errorf("shortenPositions = %q", got)
	}
}

// TestSettings checks that the settings read back from the analyzer's
// flags are the ones given, for every flag the analyzer has.
func TestSettings(t *testing.T) {
	a := analyzer.New()
	if got, want := settings(a), analyzer.DefaultConfig(); !reflect.DeepEqual(got, want) {
		t.Errorf("settings with no flags = %+v, want the defaults %+v", got, want)
	}
	err := a.Flags.Parse([]string{"-min-delay=1s", "-delay=2s", "-grace-period=1m", "-prestop-delay=3s", "-min-drain=4s", "-disable=exit-in-handler,missing-sigterm"})
	if err != nil {
		t.Fatal(err)
	}
	want := analyzer.Config{
		MinDelay:     time.Second,
		Delay:        2 * time.Second,
		GracePeriod:  time.Minute,
		PrestopDelay: 3 * time.Second,
		MinDrain:     4 * time.Second,
		Disable:      []string{"exit-in-handler", "missing-sigterm"},
	}
	if got := settings(a); !reflect.DeepEqual(got, want) {
		t.Errorf("settings = %+v, want %+v", got, want)
	}
	durations := settingDurations(new(analyzer.Config))
	a.Flags.VisitAll(func(f *flag.Flag) {
		if _, ok := durations[f.Name]; !ok && f.Name != "disable" {
			t.Errorf("the analyzer's flag -%s is not read into the settings", f.Name)
		}
	})
}

// TestVetSettingsError checks that the settings are checked from the go
// command's arguments to the tool, whichever form its flags take, and
// that arguments that do not parse are left to singlechecker.
func TestVetSettingsError(t *testing.T) {
	const cfg = "/tmp/go-build1/b001/vet.cfg"
	for _, tc := range []struct {
		args []string
		want string // "" for no error
	}{
		{[]string{"-json", cfg}, ""},
		{[]string{"-flags"}, ""},
		{[]string{"-delay=1s", "-json", cfg}, "-delay (1s) is shorter than -min-delay (5s)"},
		{[]string{"-tags", "prod", "-delay", "1s", "-test", "-json", cfg}, "-delay (1s) is shorter than -min-delay (5s)"},
		{[]string{"-delay=1s", "-min-delay=1s", "-json", cfg}, ""},
		{[]string{"-grace-period=10s", "-fix", cfg}, "exceed -grace-period (10s)"},
		{[]string{"-delay=zz", "-min-delay=20s", cfg}, ""}, // a bad value: singlechecker's to report
		{[]string{"-unknown", "-delay=1s", cfg}, ""},       // likewise an unknown flag
	} {
		err := vetSettingsError(analyzer.New(), tc.args)
		if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("vetSettingsError(%q) = %v, want %q", tc.args, err, tc.want)
		}
	}
}
