//go:build ignore

// rwtool is the helper of run.sh (the real-world regression harness). It
// is a standalone program (go run / go build of this one file), kept out
// of the module's packages by its build constraint so that go build, go
// vet and go test ./... never see it.
//
//	rwtool findings MODULE@VERSION MODDIR MODCACHE < sigtermcheck.json
//		prints one normalized line per diagnostic:
//		MODULE@VERSION relative/file.go:LINE:COL: CATEGORY: MESSAGE
//	rwtool replaces GOMOD
//		prints the go mod edit -replace flags for the non-local replace
//		directives of a program's go.mod (go get ignores them in
//		dependencies, but they are part of how the program is built)
//	rwtool score TRUTH SELECTED < actual
//		scores the normalized findings read from stdin (run.sh's
//		actual lines) against the ground truth file TRUTH (truth.txt:
//		"MODULE@VERSION path:line:col: check" per expected finding),
//		for the programs listed in SELECTED (one MODULE@VERSION a line):
//		per check, how many expected findings were reported and how
//		many reports are not in the truth; then those lines
//	rwtool wants ROOT < sigtermcheck.json
//		(frameworks.sh) checks the diagnostics against the analysistest
//		"// want" comments of the .go files under ROOT, printing a
//		diff-like listing; exits 1 when they do not match
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "findings":
		if len(os.Args) != 5 {
			usage()
		}
		err = findings(os.Args[2], os.Args[3], os.Args[4])
	case "replaces":
		if len(os.Args) != 3 {
			usage()
		}
		err = replaces(os.Args[2])
	case "score":
		if len(os.Args) != 4 {
			usage()
		}
		err = score(os.Args[2], os.Args[3])
	case "wants":
		if len(os.Args) != 3 {
			usage()
		}
		var ok bool
		if ok, err = wants(os.Args[2]); err == nil && !ok {
			os.Exit(1)
		}
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rwtool:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: rwtool findings MODULE@VERSION MODDIR MODCACHE < json | rwtool replaces GOMOD | rwtool score TRUTH SELECTED < actual | rwtool wants ROOT < json")
	os.Exit(2)
}

// diagnostic is the part of the analysis JSON output that we keep.
type diagnostic struct {
	Posn     string `json:"posn"`
	Category string `json:"category"`
	Message  string `json:"message"`
}

// readJSON reads the -json output of a singlechecker:
//
//	{"pkg/path": {"sigtermcheck": [diagnostic...] | {"error": "..."}}}
//
// and calls diag for each diagnostic and failed for each analyzer error.
func readJSON(r io.Reader, diag func(pkg string, d diagnostic), failed func(pkg, err string)) error {
	out := make(map[string]map[string]json.RawMessage)
	dec := json.NewDecoder(r)
	for {
		// The driver prints one JSON object per invocation; accept
		// several, as a driver might print one per package.
		var chunk map[string]map[string]json.RawMessage
		if err := dec.Decode(&chunk); err != nil {
			if err == io.EOF {
				break
			}
			return fmt.Errorf("decoding sigtermcheck -json output: %v", err)
		}
		for k, v := range chunk {
			out[k] = v
		}
	}
	for pkg, byAnalyzer := range out {
		for _, raw := range byAnalyzer {
			var diags []diagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				var e struct {
					Error string `json:"error"`
				}
				if json.Unmarshal(raw, &e) == nil && e.Error != "" {
					failed(pkg, e.Error)
					continue
				}
				return fmt.Errorf("unexpected JSON for %s: %s", pkg, raw)
			}
			for _, d := range diags {
				diag(pkg, d)
			}
		}
	}
	return nil
}

// findings prints the diagnostics of the -json output as normalized,
// sorted, de-duplicated lines. An analyzer error is printed as an ERROR
// line, so that it shows in the diff.
func findings(modver, moddir, modcache string) error {
	seen := make(map[string]bool)
	var lines []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			lines = append(lines, s)
		}
	}
	err := readJSON(os.Stdin,
		func(_ string, d diagnostic) {
			// The message may end with the check's name, "(category)",
			// as plain-text output shows it (SPEC 4); the line has it
			// already.
			msg := strings.TrimSuffix(oneLine(d.Message), " ("+d.Category+")")
			add(fmt.Sprintf("%s %s: %s: %s", modver, relPath(d.Posn, moddir, modcache), d.Category, msg))
		},
		func(pkg, e string) {
			add(fmt.Sprintf("%s ERROR: analyzer failed on %s: %s", modver, pkg, oneLine(relPath(e, moddir, modcache))))
		})
	if err != nil {
		return err
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	return nil
}

// relPath makes the paths in s machine-independent: relative to the
// program's module root, or else to the module cache.
func relPath(s, moddir, modcache string) string {
	moddir = filepath.Clean(moddir) + string(filepath.Separator)
	s = strings.ReplaceAll(s, moddir, "")
	if modcache != "" {
		s = strings.ReplaceAll(s, filepath.Clean(modcache)+string(filepath.Separator), "$GOMODCACHE/")
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// replaces prints go mod edit flags for the module-to-module replace
// directives of a go.mod file, one per line. Replacements by a local
// directory cannot be reproduced and are reported on stderr.
func replaces(gomod string) error {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	// A small parser for the replace directive is enough here: the
	// module cache's go.mod files are gofmt-like (go mod edit -fmt).
	var inBlock bool
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "//"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		switch {
		case line == "":
			continue
		case line == "replace (":
			inBlock = true
			continue
		case inBlock && line == ")":
			inBlock = false
			continue
		case strings.HasPrefix(line, "replace "):
			line = strings.TrimSpace(strings.TrimPrefix(line, "replace "))
		case !inBlock:
			continue
		}
		old, new, ok := strings.Cut(line, "=>")
		if !ok {
			continue
		}
		of, nf := strings.Fields(old), strings.Fields(new)
		if len(of) == 0 || len(nf) == 0 {
			continue
		}
		if len(nf) == 1 {
			fmt.Fprintf(os.Stderr, "rwtool: %s: local replacement %s => %s cannot be reproduced\n", gomod, strings.Join(of, "@"), nf[0])
			continue
		}
		fmt.Printf("-replace=%s=%s@%s\n", strings.Join(of, "@"), nf[0], nf[1])
	}
	return nil
}

// score compares findings (run.sh's normalized lines, read from stdin)
// with the ground truth of the selected programs and prints, per check,
// "found X of Y expected; Z reports not in truth", then the expected
// findings not reported (false negatives) and the reports not in the
// truth (false positives, or truth.txt out of date). A finding matches an
// expected one when module@version, position and check are equal; the
// message is not compared.
func score(truthFile, selectedFile string) error {
	readLines := func(name string) ([]string, error) {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var lines []string
		for _, l := range strings.Split(string(data), "\n") {
			if i := strings.Index(l, "#"); i >= 0 {
				l = l[:i]
			}
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		return lines, nil
	}
	selLines, err := readLines(selectedFile)
	if err != nil {
		return err
	}
	selected := make(map[string]bool)
	for _, l := range selLines {
		selected[strings.Fields(l)[0]] = true
	}
	// key is "module@version path:line:col: check"; check is its check.
	type entry struct{ key, check string }
	parse := func(line string) (entry, bool) {
		f := strings.Fields(line)
		if len(f) < 3 || f[1] == "ERROR:" {
			return entry{}, false
		}
		check := strings.TrimSuffix(f[2], ":")
		return entry{f[0] + " " + f[1] + " " + check, check}, true
	}
	truthLines, err := readLines(truthFile)
	if err != nil {
		return err
	}
	expected := make(map[string]string) // key -> check
	for _, l := range truthLines {
		e, ok := parse(l)
		if !ok {
			return fmt.Errorf("%s: bad line %q (want MODULE@VERSION path:line:col: check)", truthFile, l)
		}
		if selected[strings.Fields(l)[0]] {
			expected[e.key] = e.check
		}
	}
	reported := make(map[string]string)
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		return err
	}
	failed := make(map[string]bool) // module@version with an ERROR line
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) == 0 || !selected[f[0]] {
			continue
		}
		if e, ok := parse(l); ok {
			reported[e.key] = e.check
		} else if f := strings.Fields(l); len(f) > 1 && f[1] == "ERROR:" {
			failed[f[0]] = true
		}
	}
	type counts struct{ found, want, extra int }
	byCheck := make(map[string]*counts)
	get := func(c string) *counts {
		if byCheck[c] == nil {
			byCheck[c] = new(counts)
		}
		return byCheck[c]
	}
	var missed, extra []string
	for k, c := range expected {
		get(c).want++
		if _, ok := reported[k]; ok {
			get(c).found++
		} else {
			missed = append(missed, k)
		}
	}
	for k, c := range reported {
		if _, ok := expected[k]; !ok {
			get(c).extra++
			extra = append(extra, k)
		}
	}
	checks := make([]string, 0, len(byCheck))
	for c := range byCheck {
		checks = append(checks, c)
	}
	sort.Strings(checks)
	var total counts
	for _, c := range checks {
		n := byCheck[c]
		fmt.Printf("  %-26s found %d of %d expected; %d reports not in truth\n", c+":", n.found, n.want, n.extra)
		total.found += n.found
		total.want += n.want
		total.extra += n.extra
	}
	fmt.Printf("  %-26s found %d of %d expected; %d reports not in truth\n", "total:", total.found, total.want, total.extra)
	if len(failed) > 0 {
		var names []string
		inFailed := 0
		for m := range failed {
			names = append(names, m)
		}
		for k := range expected {
			if failed[strings.Fields(k)[0]] {
				inFailed++
			}
		}
		sort.Strings(names)
		fmt.Printf("  tool failures: %d programs (%s), with %d of the expected findings\n", len(names), strings.Join(names, ", "), inFailed)
	}
	sort.Strings(missed)
	sort.Strings(extra)
	if len(missed) > 0 {
		fmt.Println("expected, not reported (false negatives; see TRIAGE.md):")
		for _, k := range missed {
			fmt.Println("  " + k)
		}
	}
	if len(extra) > 0 {
		fmt.Println("reported, not in truth.txt (false positives, or truth.txt to update):")
		for _, k := range extra {
			fmt.Println("  " + k)
		}
	}
	return nil
}

// A want is one expectation of an analysistest "// want" comment: a
// diagnostic on its line whose message matches rx.
type want struct {
	file string // relative to the root
	line int
	rx   *regexp.Regexp
}

// wants matches the diagnostics of the -json output read from stdin
// against the "// want" comments of the .go files under root, as
// analysistest does: a diagnostic consumes one expectation of its line
// that its message matches. It prints every diagnostic and expectation,
// sorted by position: "  " matched, "+ " reported but not wanted, "- "
// wanted but not reported, and reports whether all matched.
func wants(root string) (bool, error) {
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		return false, err
	}
	byLine := make(map[string][]*want) // "file:line"
	nwants := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, c := range allComments(f) {
			text, ok := strings.CutPrefix(c.Text, "//")
			if !ok {
				continue
			}
			text, ok = strings.CutPrefix(strings.TrimSpace(text), "want ")
			if !ok {
				continue
			}
			line := fset.Position(c.Pos()).Line
			rxs, err := wantPatterns(text)
			if err != nil {
				return fmt.Errorf("%s:%d: bad // want comment: %v", rel, line, err)
			}
			for _, rx := range rxs {
				key := fmt.Sprintf("%s:%d", rel, line)
				byLine[key] = append(byLine[key], &want{rel, line, rx})
				nwants++
			}
		}
		return nil
	})
	if err != nil {
		return false, err
	}

	type entry struct {
		file      string
		line, col int
		text      string
	}
	var entries []entry
	ok := true
	err = readJSON(os.Stdin,
		func(_ string, d diagnostic) {
			file, line, col := splitPosn(d.Posn)
			if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
				file = rel
			}
			msg := oneLine(d.Message)
			text := fmt.Sprintf("%s:%d:%d: %s: %s", file, line, col, d.Category, msg)
			key := fmt.Sprintf("%s:%d", file, line)
			for i, w := range byLine[key] {
				if w.rx.MatchString(msg) {
					byLine[key] = append(byLine[key][:i:i], byLine[key][i+1:]...)
					entries = append(entries, entry{file, line, col, "  " + text})
					return
				}
			}
			ok = false
			entries = append(entries, entry{file, line, col, "+ " + text})
		},
		func(pkg, e string) {
			ok = false
			entries = append(entries, entry{pkg, 0, 0, "+ ERROR: analyzer failed on " + pkg + ": " + oneLine(e)})
		})
	if err != nil {
		return false, err
	}
	for _, ws := range byLine {
		for _, w := range ws {
			ok = false
			entries = append(entries, entry{w.file, w.line, 0, fmt.Sprintf("- %s:%d: want `%s`", w.file, w.line, w.rx)})
		}
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.text < b.text
	})
	for _, e := range entries {
		fmt.Println(e.text)
	}
	return ok, nil
}

// allComments returns the comments of f.
func allComments(f *ast.File) []*ast.Comment {
	var cs []*ast.Comment
	for _, g := range f.Comments {
		cs = append(cs, g.List...)
	}
	return cs
}

// wantPatterns parses the rest of a "// want" comment: one or more Go
// string literals (analysistest's form; its fact expectations, name:"rx",
// are not used in the framework programs and are rejected).
func wantPatterns(text string) ([]*regexp.Regexp, error) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(text)
	var errs []string
	s.Init(fset.AddFile("want", -1, len(src)), src, func(_ token.Position, msg string) { errs = append(errs, msg) }, 0)
	var rxs []*regexp.Regexp
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF || (tok == token.SEMICOLON && lit == "\n") {
			break
		}
		if tok != token.STRING {
			return nil, fmt.Errorf("want a string literal, found %s %q", tok, lit)
		}
		pat, err := strconv.Unquote(lit)
		if err != nil {
			return nil, err
		}
		rx, err := regexp.Compile(pat)
		if err != nil {
			return nil, err
		}
		rxs = append(rxs, rx)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	if len(rxs) == 0 {
		return nil, fmt.Errorf("no pattern")
	}
	return rxs, nil
}

// splitPosn splits a "file:line:col" position.
func splitPosn(posn string) (file string, line, col int) {
	file = posn
	if i := strings.LastIndex(file, ":"); i >= 0 {
		if n, err := strconv.Atoi(file[i+1:]); err == nil {
			file, col = file[:i], n
		}
	}
	if i := strings.LastIndex(file, ":"); i >= 0 {
		if n, err := strconv.Atoi(file[i+1:]); err == nil {
			file, line = file[:i], n
		}
	}
	return file, line, col
}
