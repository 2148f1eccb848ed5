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
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rwtool:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: rwtool findings MODULE@VERSION MODDIR MODCACHE < json | rwtool replaces GOMOD")
	os.Exit(2)
}

// diagnostic is the part of the analysis JSON output that we keep.
type diagnostic struct {
	Posn     string `json:"posn"`
	Category string `json:"category"`
	Message  string `json:"message"`
}

// findings reads the -json output of a singlechecker:
//
//	{"pkg/path": {"sigtermcheck": [diagnostic...] | {"error": "..."}}}
//
// and prints normalized, sorted, de-duplicated lines. An analyzer error
// is printed as an ERROR line, so that it shows in the diff.
func findings(modver, moddir, modcache string) error {
	var out map[string]map[string]json.RawMessage
	dec := json.NewDecoder(os.Stdin)
	for {
		// The driver prints one JSON object per invocation; accept
		// several, as a driver might print one per package.
		var chunk map[string]map[string]json.RawMessage
		if err := dec.Decode(&chunk); err != nil {
			if err.Error() == "EOF" {
				break
			}
			return fmt.Errorf("decoding sigtermcheck -json output: %v", err)
		}
		if out == nil {
			out = make(map[string]map[string]json.RawMessage)
		}
		for k, v := range chunk {
			out[k] = v
		}
	}
	seen := make(map[string]bool)
	var lines []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			lines = append(lines, s)
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
					add(fmt.Sprintf("%s ERROR: analyzer failed on %s: %s", modver, pkg, oneLine(relPath(e.Error, moddir, modcache))))
					continue
				}
				return fmt.Errorf("unexpected JSON for %s: %s", pkg, raw)
			}
			for _, d := range diags {
				add(fmt.Sprintf("%s %s: %s: %s", modver, relPath(d.Posn, moddir, modcache), d.Category, oneLine(d.Message)))
			}
		}
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
