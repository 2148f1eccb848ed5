package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A reporter emits diagnostics for the package being analyzed: it sets
// each one's Category and URL, ends its message with the check's name,
// drops those in test and generated files, those of disabled checks and
// those suppressed by a directive.
type reporter struct {
	pass    *analysis.Pass
	cfg     *Config
	quiet   map[*token.File]bool // test and generated files
	moved   map[*token.File]bool // files whose text is not their source's (cgo's output)
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

// An ignoreKey is a line of a source file as the user sees it (after
// //line directives, which cgo's output uses to point back at its input)
// and a check that a directive suppresses there.
type ignoreKey struct {
	file  string
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
		moved:   make(map[*token.File]bool),
		ignores: make(map[ignoreKey]*directive),
		seen:    make(map[reportKey]bool),
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		if isTestFile(pass.Fset, f) || isGenerated(pass.Fset, f) {
			r.quiet[tf] = true
			continue
		}
		if pass.Fset.Position(f.Package).Filename != tf.Name() {
			r.moved[tf] = true
		}
		for _, group := range f.Comments {
			for _, c := range group.List {
				if d := parseDirective(c); d != nil {
					r.dirs = append(r.dirs, d)
					if d.problem() != "" {
						continue // a malformed directive suppresses nothing
					}
					at := pass.Fset.Position(c.Pos())
					for _, check := range d.checks {
						// The directive covers its own line and the next.
						r.ignores[ignoreKey{at.Filename, at.Line, check}] = d
						r.ignores[ignoreKey{at.Filename, at.Line + 1, check}] = d
					}
				}
			}
		}
	}
	return r
}

// isTestFile reports whether f is a _test.go file.
func isTestFile(fset *token.FileSet, f *ast.File) bool {
	return strings.HasSuffix(fset.Position(f.Package).Filename, "_test.go")
}

// generatedComment is the line that marks a generated Go file
// (https://go.dev/s/generatedcode), as go/ast.IsGenerated matches it.
var generatedComment = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// isGenerated reports whether f is generated code: whether the file its
// package clause comes from has a generated-code comment before that
// clause. It differs from ast.IsGenerated for the files cmd/cgo writes
// for a package that imports "C": cgo marks each of them as generated,
// then points the rest of the file back at the user's source with
// //line directives. What counts is that source: a hand-written main.go
// that imports "C" is not generated.
func isGenerated(fset *token.FileSet, f *ast.File) bool {
	source := fset.Position(f.Package).Filename
	for _, group := range f.Comments {
		if group.Pos() >= f.Package {
			break
		}
		for _, c := range group.List {
			if generatedComment.MatchString(c.Text) && fset.Position(c.Pos()).Filename == source {
				return true
			}
		}
	}
	return false
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

// report emits d as a diagnostic of the named check. Its message ends
// with the check's name in parentheses (as staticcheck shows its check
// IDs), since -disable and //sigtermcheck:ignore take that name and
// plain-text output (go vet's, the standalone driver's, an editor's)
// shows only the message; -json has it as the category too.
func (r *reporter) report(check string, d analysis.Diagnostic) {
	if !r.cfg.enabled(check) {
		return
	}
	tf := r.pass.Fset.File(d.Pos)
	if tf == nil || r.quiet[tf] {
		return
	}
	at := r.pass.Fset.Position(d.Pos)
	if r.ignores[ignoreKey{at.Filename, at.Line, check}] != nil || r.seen[reportKey{d.Pos, check}] {
		return
	}
	r.seen[reportKey{d.Pos, check}] = true
	d.Category = check
	d.URL = docURL + check
	d.Message += CheckSuffix(check)
	if r.moved[tf] {
		// A fix's offsets are in the file the analyzer saw, cgo's
		// rewrite of the user's file: applied to the user's file, they
		// would garble it.
		d.SuggestedFixes = nil
	}
	r.pass.Report(d)
}

// silenced reports whether a report of check at pos would not be made:
// the check is disabled, or a directive suppresses it on that line. A
// check that stops at what another reports goes on past it then.
func (r *reporter) silenced(check string, pos token.Pos) bool {
	if !r.cfg.enabled(check) {
		return true
	}
	at := r.pass.Fset.Position(pos)
	return r.ignores[ignoreKey{at.Filename, at.Line, check}] != nil
}

// CheckSuffix returns what ends the message of each report of the named
// check: " (missing-sigterm)". Drivers that add text to a message (the
// golangci-lint plugin) insert it before the suffix.
func CheckSuffix(check string) string {
	return " (" + check + ")"
}

// reportBadDirectives reports ignore directives that name no known check
// or give no reason: a typo in a directive must not silently suppress
// nothing.
func (r *reporter) reportBadDirectives() {
	for _, d := range r.dirs {
		if msg := d.problem(); msg != "" {
			// (Not a check: -disable and -explain do not know it, but
			// the output names it like one.)
			r.pass.Report(analysis.Diagnostic{Pos: d.pos, Category: "directive", Message: msg + CheckSuffix("directive")})
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
