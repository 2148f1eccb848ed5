// Package golangci registers sigtermcheck as a golangci-lint v2 module
// plugin named "sigtermcheck".
//
// A custom golangci-lint binary that blank-imports this package runs
// sigtermcheck when its configuration says:
//
//	linters:
//	  default: none
//	  enable: [sigtermcheck]
//	  settings:
//	    custom:
//	      sigtermcheck:
//	        type: module
//	        settings:
//	          min-delay: 5s
//	          delay: 15s
//	          disable: []
//
// The settings mirror the command-line flags of sigtermcheck; see
// README.md in this directory for how to build such a binary.
package golangci

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// Name is the linter name under which the plugin is registered: the name
// to enable in .golangci.yml and to give //nolint.
const Name = "sigtermcheck"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings in .golangci.yml. Each mirrors the
// sigtermcheck flag of the same name; an empty value keeps the default.
type Settings struct {
	// MinDelay is the shortest constant delay accepted before Shutdown,
	// as a duration string ("5s").
	MinDelay string `json:"min-delay"`
	// Delay is the propagation delay that suggested fixes insert, as a
	// duration string ("15s").
	Delay string `json:"delay"`
	// Disable lists the checks to turn off.
	Disable []string `json:"disable"`
	// GracePeriod is the pod's terminationGracePeriodSeconds ("30s").
	GracePeriod string `json:"grace-period"`
	// PrestopDelay is how long the pod's preStop hook sleeps ("0s").
	PrestopDelay string `json:"prestop-delay"`
	// MinDrain is the shortest time a drain may be left ("5s").
	MinDrain string `json:"min-drain"`
}

// plugin is a validated configuration of sigtermcheck.
type plugin struct {
	cfg analyzer.Config
}

var _ register.LinterPlugin = (*plugin)(nil)

// New decodes and validates the settings golangci-lint hands over. An
// unknown key, an unparsable duration or an unknown check name is an error
// naming the setting.
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, decodeError(err)
	}
	cfg, err := s.config()
	if err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	return &plugin{cfg: cfg}, nil
}

// settingKinds describes the value each setting takes, in the order of
// Settings.
var settingKinds = []struct{ key, want string }{
	{"min-delay", `a duration string such as "5s"`},
	{"delay", `a duration string such as "15s"`},
	{"disable", "a list of check names"},
	{"grace-period", `a duration string such as "30s"`},
	{"prestop-delay", `a duration string such as "0s"`},
	{"min-drain", `a duration string such as "5s"`},
}

// decodeError rewords an error of register.DecodeSettings in terms of the
// settings: which one has a value of the wrong type, or which keys exist.
func decodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		for _, k := range settingKinds {
			if k.key == typeErr.Field {
				return fmt.Errorf("settings: %s: want %s, got a %s", k.key, k.want, typeErr.Value)
			}
		}
	}
	if strings.Contains(err.Error(), "unknown field") {
		keys := make([]string, len(settingKinds))
		for i, k := range settingKinds {
			keys[i] = k.key
		}
		return fmt.Errorf("%w (known settings: %s)", err, strings.Join(keys, ", "))
	}
	return err
}

// config turns s into an analyzer configuration and validates it.
func (s Settings) config() (analyzer.Config, error) {
	cfg := analyzer.DefaultConfig()
	for _, d := range []struct {
		name, value string
		dst         *time.Duration
	}{
		{"min-delay", s.MinDelay, &cfg.MinDelay},
		{"delay", s.Delay, &cfg.Delay},
		{"grace-period", s.GracePeriod, &cfg.GracePeriod},
		{"prestop-delay", s.PrestopDelay, &cfg.PrestopDelay},
		{"min-drain", s.MinDrain, &cfg.MinDrain},
	} {
		if err := parseDuration(d.name, d.value, d.dst); err != nil {
			return cfg, err
		}
	}
	cfg.Disable = s.Disable
	// The analyzer owns the rules (ranges, check names); building one is
	// how they are checked.
	if _, err := analyzer.NewWithConfig(cfg); err != nil {
		return cfg, settingError{err}
	}
	return cfg, nil
}

// parseDuration sets *d from the setting's value, unless it is empty.
func parseDuration(name, value string, d *time.Duration) error {
	if value == "" {
		return nil // keep the default
	}
	v, err := time.ParseDuration(value)
	if err != nil {
		return fmt.Errorf("%s: %q is not a duration (want for example 5s or 1m30s)", name, value)
	}
	*d = v
	return nil
}

// settingError presents an analyzer configuration error, which names a
// flag ("-delay: ..."), in terms of the setting of the same name
// ("delay: ...").
type settingError struct{ err error }

func (e settingError) Error() string { return flagDash.ReplaceAllString(e.err.Error(), "$1$2") }

// flagDash matches a flag's leading dash (-min-delay) at the start of a
// word: in .golangci.yml the settings have no dash.
var flagDash = regexp.MustCompile(`(^|[ (])-([a-z]+(?:-[a-z]+)*)`)

func (e settingError) Unwrap() error { return e.err }

// BuildAnalyzers returns a fresh sigtermcheck analyzer with the plugin's
// settings: no flag state is shared with other instances.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a, err := analyzer.NewWithConfig(p.cfg)
	if err != nil {
		return nil, err
	}
	foldRelated(a)
	return []*analysis.Analyzer{a}, nil
}

// foldRelated makes a name each diagnostic's related locations at the end
// of its message instead of as Related information. golangci-lint turns
// each Related location into an issue of its own ("sigtermcheck(related
// information): ..."), which a //nolint on the reported line does not
// suppress, and which counts as one more finding.
func foldRelated(a *analysis.Analyzer) {
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		folding := *pass
		folding.Report = func(d analysis.Diagnostic) {
			pass.Report(withRelatedInMessage(pass.Fset, d))
		}
		return run(&folding)
	}
}

// withRelatedInMessage returns d with its Related locations added to its
// message, before the check's name that ends it: "... (the server is
// started here at line 20) (missing-sigterm)", or "at lib.go:7" for a
// location in another file.
func withRelatedInMessage(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	at := fset.Position(d.Pos)
	var parts []string
	for _, r := range d.Related {
		part := r.Message
		if pos := fset.Position(r.Pos); pos.IsValid() {
			if pos.Filename == at.Filename {
				part += fmt.Sprintf(" at line %d", pos.Line)
			} else {
				part += fmt.Sprintf(" at %s:%d", filepath.Base(pos.Filename), pos.Line)
			}
		}
		parts = append(parts, part)
	}
	suffix := ""
	if d.Category != "" && strings.HasSuffix(d.Message, analyzer.CheckSuffix(d.Category)) {
		suffix = analyzer.CheckSuffix(d.Category)
	}
	d.Message = strings.TrimSuffix(d.Message, suffix) + " (" + strings.Join(parts, "; ") + ")" + suffix
	d.Related = nil
	return d
}

// GetLoadMode reports that sigtermcheck needs type information.
func (*plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
