package golangci

import (
	"errors"
	"go/token"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// Settings arrive from golangci-lint as the YAML decoder left them:
// map[string]any with strings, numbers and []any inside, or nil when the
// configuration has no settings block.

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "sigtermcheck" {
		t.Fatalf("BuildAnalyzers() = %v, want the sigtermcheck analyzer", as)
	}
}

func TestSettings(t *testing.T) {
	def := analyzer.DefaultConfig()
	for _, tc := range []struct {
		name string
		raw  any
		want analyzer.Config
	}{
		{"nil", nil, def},
		{"empty", map[string]any{}, def},
		{"empty strings keep the defaults", map[string]any{"min-delay": "", "delay": ""}, def},
		{
			"all set",
			map[string]any{"min-delay": "2s", "delay": "1m30s", "disable": []any{"missing-sigterm"},
				"grace-period": "2m", "prestop-delay": "10s", "min-drain": "10s"},
			analyzer.Config{MinDelay: 2 * time.Second, Delay: 90 * time.Second, Disable: []string{"missing-sigterm"},
				GracePeriod: 2 * time.Minute, PrestopDelay: 10 * time.Second, MinDrain: 10 * time.Second},
		},
		{
			"zero min-delay accepts any delay",
			map[string]any{"min-delay": "0s"},
			analyzer.Config{MinDelay: 0, Delay: def.Delay, GracePeriod: def.GracePeriod, MinDrain: def.MinDrain},
		},
		{
			"every check by name",
			map[string]any{"disable": toAny(analyzer.CheckNames())},
			analyzer.Config{MinDelay: def.MinDelay, Delay: def.Delay, Disable: analyzer.CheckNames(), GracePeriod: def.GracePeriod, MinDrain: def.MinDrain},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.raw)
			if err != nil {
				t.Fatalf("New(%v): %v", tc.raw, err)
			}
			got := p.(*plugin).cfg
			if got.MinDelay != tc.want.MinDelay || got.Delay != tc.want.Delay || !slices.Equal(got.Disable, tc.want.Disable) ||
				got.GracePeriod != tc.want.GracePeriod || got.PrestopDelay != tc.want.PrestopDelay || got.MinDrain != tc.want.MinDrain {
				t.Errorf("New(%v) config = %+v, want %+v", tc.raw, got, tc.want)
			}
			as, err := p.BuildAnalyzers()
			if err != nil {
				t.Fatalf("BuildAnalyzers: %v", err)
			}
			// The analyzer's own flags show the settings it runs with.
			for flag, want := range map[string]string{
				"min-delay":     tc.want.MinDelay.String(),
				"delay":         tc.want.Delay.String(),
				"disable":       strings.Join(tc.want.Disable, ","),
				"grace-period":  tc.want.GracePeriod.String(),
				"prestop-delay": tc.want.PrestopDelay.String(),
				"min-drain":     tc.want.MinDrain.String(),
			} {
				if got := as[0].Flags.Lookup(flag).Value.String(); got != want {
					t.Errorf("analyzer flag -%s = %q, want %q", flag, got, want)
				}
			}
		})
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  any
		want []string // substrings of the error
	}{
		{
			"bad duration",
			map[string]any{"min-delay": "5 seconds"},
			[]string{`min-delay: "5 seconds" is not a duration`},
		},
		{
			"bad delay",
			map[string]any{"delay": "soon"},
			[]string{`delay: "soon" is not a duration`},
		},
		{
			"number instead of a duration string",
			map[string]any{"delay": 15},
			[]string{`settings: delay: want a duration string such as "15s", got a number`},
		},
		{
			"negative min-delay",
			map[string]any{"min-delay": "-1s"},
			[]string{"min-delay: must not be negative"},
		},
		{
			"zero delay",
			map[string]any{"delay": "0s"},
			[]string{"delay: must be positive"},
		},
		{
			"delays past the grace period",
			map[string]any{"delay": "20s", "prestop-delay": "10s"},
			[]string{"settings: prestop-delay (10s) + delay (20s) + min-drain (5s) exceed grace-period (30s)"},
		},
		{
			"unknown check",
			map[string]any{"disable": []any{"missing-sigterm", "missing-sigkill"}},
			[]string{`disable: unknown check "missing-sigkill"`, "missing-sigterm"},
		},
		{
			"disable is a list",
			map[string]any{"disable": "missing-sigterm"},
			[]string{"settings: disable: want a list of check names, got a string"},
		},
		{
			"unknown key",
			map[string]any{"min_delay": "5s"},
			[]string{`unknown field "min_delay"`, "known settings: min-delay, delay, disable, grace-period, prestop-delay, min-drain"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.raw)
			if err == nil {
				t.Fatalf("New(%v) = %+v, want an error", tc.raw, p)
			}
			t.Logf("error: %v", err)
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("New(%v) error = %q, want it to contain %q", tc.raw, err, want)
				}
			}
		})
	}
}

// A configuration error from the analyzer stays reachable through the
// plugin's error.
func TestSettingsErrorUnwraps(t *testing.T) {
	_, err := New(map[string]any{"disable": []any{"nope"}})
	var se settingError
	if !errors.As(err, &se) {
		t.Fatalf("error %v does not wrap a settingError", err)
	}
	if !strings.HasPrefix(se.err.Error(), "-disable: ") {
		t.Errorf("analyzer error %q does not name the -disable flag", se.err)
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func TestWithRelatedInMessage(t *testing.T) {
	fset := token.NewFileSet()
	main := fset.AddFile("/m/cmd/srv/main.go", -1, 100)
	main.SetLines([]int{0, 10, 20, 30})
	lib := fset.AddFile("/m/lib/lib.go", -1, 100)
	lib.SetLines([]int{0, 10, 20, 30, 40, 50, 60})

	for _, tc := range []struct {
		name    string
		related []analysis.RelatedInformation
		want    string
	}{
		{"none", nil, "bad (missing-sigterm)"},
		{
			"same file",
			[]analysis.RelatedInformation{{Pos: main.Pos(25), Message: "the server is started here"}},
			"bad (the server is started here at line 3) (missing-sigterm)",
		},
		{
			"other file and no position",
			[]analysis.RelatedInformation{
				{Pos: lib.Pos(61), Message: "the server is started inside lib.Serve"},
				{Message: "somewhere"},
			},
			"bad (the server is started inside lib.Serve at lib.go:7; somewhere) (missing-sigterm)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := analysis.Diagnostic{Pos: main.Pos(5), Category: "missing-sigterm", Message: "bad (missing-sigterm)", Related: tc.related}
			got := withRelatedInMessage(fset, d)
			if got.Message != tc.want || got.Related != nil {
				t.Errorf("message %q with related %v, want %q and none", got.Message, got.Related, tc.want)
			}
		})
	}
}
