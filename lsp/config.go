package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// optionNames are the keys initializationOptions accepts: the names of
// the command-line flags.
var optionNames = []string{"min-delay", "delay", "disable", "grace-period", "prestop-delay", "min-drain"}

// parseOptions reads the initializationOptions of an initialize request
// and returns an analyzer configured by them. Absent options keep their
// defaults; a bad value is an error naming the option, validated by
// analyzer.NewWithConfig like the command-line flags.
//
//	{"min-delay": "5s", "delay": "15s", "disable": ["exit-in-handler"]}
//
// "disable" may also be a comma-separated string, as on the command line
// (and {} counts as an empty list: Lua cannot tell the two apart).
func parseOptions(raw json.RawMessage) (*analysis.Analyzer, error) {
	cfg := analyzer.DefaultConfig()
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && !bytes.Equal(raw, []byte("null")) {
		var opts map[string]json.RawMessage
		if err := json.Unmarshal(raw, &opts); err != nil {
			return nil, fmt.Errorf("initializationOptions: want an object like {%q: %q}, got %s", "min-delay", "5s", raw)
		}
		keys := make([]string, 0, len(opts))
		for k := range opts {
			keys = append(keys, k)
		}
		slices.Sort(keys) // report the first bad option deterministically
		for _, k := range keys {
			v := opts[k]
			var err error
			switch k {
			case "min-delay":
				cfg.MinDelay, err = parseDuration(v)
			case "delay":
				cfg.Delay, err = parseDuration(v)
			case "disable":
				cfg.Disable, err = parseList(v)
			case "grace-period":
				cfg.GracePeriod, err = parseDuration(v)
			case "prestop-delay":
				cfg.PrestopDelay, err = parseDuration(v)
			case "min-drain":
				cfg.MinDrain, err = parseDuration(v)
			default:
				err = fmt.Errorf("unknown option (known options: %s)", strings.Join(optionNames, ", "))
			}
			if err != nil {
				return nil, fmt.Errorf("initializationOptions: %q: %v", k, err)
			}
		}
	}
	a, err := analyzer.NewWithConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("initializationOptions: %v", err)
	}
	return a, nil
}

func parseDuration(v json.RawMessage) (time.Duration, error) {
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return 0, fmt.Errorf("want a duration string like \"5s\" or \"1m30s\", got %s", v)
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("not a duration (want for example 5s or 1m30s): %q", s)
	}
	return d, nil
}

func parseList(v json.RawMessage) ([]string, error) {
	if bytes.Equal(bytes.TrimSpace(v), []byte("{}")) {
		return nil, nil // an empty Lua table, as some editors encode it
	}
	var list []string
	if err := json.Unmarshal(v, &list); err != nil {
		var s string
		if json.Unmarshal(v, &s) != nil {
			return nil, fmt.Errorf("want a list of check names or a comma-separated string, got %s", v)
		}
		list = strings.Split(s, ",")
	}
	var names []string
	for _, name := range list {
		if name = strings.TrimSpace(name); name != "" {
			names = append(names, name)
		}
	}
	return names, nil
}
