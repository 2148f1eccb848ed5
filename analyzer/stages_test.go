package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// stageOf returns the stage of one of the package's files, in the order
// the analysis runs (see analyzer.go's package comment), or -1 for a file
// the table does not know.
func stageOf(file string) int {
	name := filepath.Base(file)
	for i, prefixes := range stageFiles {
		for _, p := range prefixes {
			if name == p || strings.HasSuffix(p, "_") && strings.HasPrefix(name, p) {
				return i
			}
		}
	}
	return -1
}

// stageFiles are the files of each stage, in order: a name, or a prefix
// ending in "_".
var stageFiles = [][]string{
	{"known_", "syntax.go", "facts.go", "checks.go", "config.go", "stages.go"}, // what sigtermcheck knows and says: APIs, syntax, the vocabulary of facts and events, the checks and settings
	{"callgraph.go", "callgraph_"},                                             // the package's function graph, and the flows its walk records
	{"values.go", "values_"},                                                   // signal and function values, resolved over those flows
	{"summaries.go", "summaries_", "facts_"},                                   // per-function summaries, and the facts that carry them
	{"program.go", "paths.go"},                                                 // package main: what runs, the handler paths
	{"fix.go", "fix_"},                                                         // suggested edits
	{"check_", "report.go"},                                                    // the checks, which report with those edits
	{"analyzer.go"},                                                            // the analyzer that runs them all
}

// TestStagesOneDirection checks that the stages of the analysis run in
// one direction: no file uses a function, method or type declared in a
// file of a later stage.
func TestStagesOneDirection(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("loading the package: %v %v", err, pkgs)
	}
	pkg := pkgs[0]
	fset := pkg.Fset
	var problems []string
	for _, file := range pkg.Syntax {
		name := fset.File(file.Pos()).Name()
		from := stageOf(name)
		if from < 0 {
			t.Errorf("%s: in no stage of stageFiles", filepath.Base(name))
			continue
		}
		seen := make(map[string]bool)
		ast.Inspect(file, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			obj := pkg.TypesInfo.Uses[id]
			switch obj := obj.(type) {
			case *types.Func, *types.TypeName:
			case *types.Var:
				if !obj.IsField() || obj.Embedded() {
					return true
				}
			default:
				return true
			}
			if obj.Pkg() != pkg.Types || obj.Parent() == nil && !isMethodOrField(obj) {
				return true
			}
			to := stageOf(fset.File(obj.Pos()).Name())
			if to > from {
				p := fmt.Sprintf("%s uses %s (%s)", filepath.Base(name), obj.Name(), filepath.Base(fset.File(obj.Pos()).Name()))
				if !seen[p] {
					seen[p] = true
					problems = append(problems, p)
				}
			}
			return true
		})
	}
	slices.Sort(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

func isMethodOrField(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Type().(*types.Signature).Recv() != nil
	case *types.Var:
		return obj.IsField()
	}
	return false
}
