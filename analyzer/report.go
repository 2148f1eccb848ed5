package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A reporter emits diagnostics for the package being analyzed: it sets
// each one's Category and URL, drops those in test and generated files,
// those of disabled checks and those suppressed by a directive.
type reporter struct {
	pass    *analysis.Pass
	cfg     *Config
	quiet   map[*token.File]bool // test and generated files
	ignores map[ignoreKey]*directive
	dirs    []*directive
	seen    map[reportKey]bool
}

// A function's handler path can be reached on its own and inlined into
// its caller: each check reports a position once.
type reportKey struct {
	pos   token.Pos
	check string
}

type ignoreKey struct {
	file  *token.File
	line  int
	check string
}

// A directive is a //sigtermcheck:ignore comment.
type directive struct {
	pos    token.Pos
	checks []string
	reason string
}

const directivePrefix = "//sigtermcheck:ignore"

func newReporter(pass *analysis.Pass, cfg *Config) *reporter {
	r := &reporter{
		pass:    pass,
		cfg:     cfg,
		quiet:   make(map[*token.File]bool),
		ignores: make(map[ignoreKey]*directive),
		seen:    make(map[reportKey]bool),
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		if strings.HasSuffix(tf.Name(), "_test.go") || ast.IsGenerated(f) {
			r.quiet[tf] = true
			continue
		}
		for _, group := range f.Comments {
			for _, c := range group.List {
				if d := parseDirective(c); d != nil {
					r.dirs = append(r.dirs, d)
					if d.problem() != "" {
						continue // a malformed directive suppresses nothing
					}
					line := tf.Line(c.Pos())
					for _, check := range d.checks {
						// The directive covers its own line and the next.
						r.ignores[ignoreKey{tf, line, check}] = d
						r.ignores[ignoreKey{tf, line + 1, check}] = d
					}
				}
			}
		}
	}
	return r
}

func parseDirective(c *ast.Comment) *directive {
	rest, ok := strings.CutPrefix(c.Text, directivePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil
	}
	fields := strings.Fields(rest)
	d := &directive{pos: c.Pos()}
	if len(fields) > 0 {
		d.checks = strings.Split(fields[0], ",")
		d.reason = strings.Join(fields[1:], " ")
	}
	return d
}

// report emits d as a diagnostic of the named check.
func (r *reporter) report(check string, d analysis.Diagnostic) {
	if !r.cfg.enabled(check) {
		return
	}
	tf := r.pass.Fset.File(d.Pos)
	if tf == nil || r.quiet[tf] {
		return
	}
	if r.ignores[ignoreKey{tf, tf.Line(d.Pos), check}] != nil || r.seen[reportKey{d.Pos, check}] {
		return
	}
	r.seen[reportKey{d.Pos, check}] = true
	d.Category = check
	d.URL = docURL + check
	r.pass.Report(d)
}

// reportBadDirectives reports ignore directives that name no known check
// or give no reason: a typo in a directive must not silently suppress
// nothing.
func (r *reporter) reportBadDirectives() {
	for _, d := range r.dirs {
		if msg := d.problem(); msg != "" {
			r.pass.Report(analysis.Diagnostic{Pos: d.pos, Category: "directive", Message: msg})
		}
	}
}

// problem describes what is wrong with a directive, or returns "".
func (d *directive) problem() string {
	switch {
	case len(d.checks) == 0:
		return "sigtermcheck:ignore directive names no check: write //sigtermcheck:ignore <check>[,<check>] <reason>"
	case d.reason == "":
		return "sigtermcheck:ignore directive gives no reason: say why the report does not apply"
	}
	for _, c := range d.checks {
		if checkByName(c) == nil {
			return fmt.Sprintf("sigtermcheck:ignore directive names unknown check %q (known checks: %s)", c, strings.Join(CheckNames(), ", "))
		}
	}
	return ""
}
