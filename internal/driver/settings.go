package driver

import (
	"flag"
	"io"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

// Each flag's value is checked when it is parsed (an unparsable
// duration, an unknown check). Whether the values fit together (-delay
// at least -min-delay, the delays and the shortest drain inside
// -grace-period: analyzer.Config.Validate) can only be checked once all
// are parsed. The analyzer checks it too, but in every package it
// analyzes; the driver checks it first, so that the error is printed
// once, before any package is loaded.

// settings returns the settings that a's flags hold.
func settings(a *analysis.Analyzer) analyzer.Config {
	cfg := analyzer.DefaultConfig()
	for name, d := range settingDurations(&cfg) {
		// (A duration flag prints its value as time.Duration does.)
		if f := a.Flags.Lookup(name); f != nil {
			if v, err := time.ParseDuration(f.Value.String()); err == nil {
				*d = v
			}
		}
	}
	if f := a.Flags.Lookup("disable"); f != nil && f.Value.String() != "" {
		cfg.Disable = strings.Split(f.Value.String(), ",")
	}
	return cfg
}

// settingDurations maps the name of each duration flag to its field of
// cfg.
func settingDurations(cfg *analyzer.Config) map[string]*time.Duration {
	return map[string]*time.Duration{
		"min-delay":     &cfg.MinDelay,
		"delay":         &cfg.Delay,
		"grace-period":  &cfg.GracePeriod,
		"prestop-delay": &cfg.PrestopDelay,
		"min-drain":     &cfg.MinDrain,
	}
}

// Flags of singlechecker's command line that are not the analyzer's:
// go vet passes on those that the tool lists when asked with -flags, and
// adds -json and -fix. (TestVetFlagsParsed checks the list against the
// binary's -flags.)
var (
	vetBoolFlags  = []string{"V", "all", "diff", "fix", "flags", "json", "source", "test", "v"}
	vetValueFlags = []string{"c", "tags"}
)

// vetSettingsError parses args, the go command's arguments to the tool,
// into a's flags as singlechecker will parse them again, and returns the
// error of the settings they give together. It returns nil if args do
// not parse: singlechecker then reports what is wrong with them.
func vetSettingsError(a *analysis.Analyzer, args []string) error {
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	for _, name := range vetBoolFlags {
		fs.Bool(name, false, "")
	}
	for _, name := range vetValueFlags {
		fs.String(name, "", "")
	}
	if fs.Parse(args) != nil {
		return nil
	}
	return settings(a).Validate()
}
