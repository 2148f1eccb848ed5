package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A newImport is an import to add: its path and its spec's source text.
type newImport struct{ path, spec string }

// resolveImport returns the name by which the code at pos can refer to the
// package with the given import path and, if the import must be added, its
// spec. It reuses an existing import, however it is named, when that name
// is not shadowed at pos; otherwise the new import gets a name that nothing
// at pos, in the file, or in adding (other imports being added) uses. A
// name of "" means the package is dot-imported.
func resolveImport(pass *analysis.Pass, file *ast.File, pos token.Pos, path string, adding map[string]bool) (name, spec string) {
	base := path[strings.LastIndex(path, "/")+1:]
	scope := innermostScope(pass.TypesInfo, file, pos)
	for _, spec := range file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != path {
			continue
		}
		name := base
		if spec.Name != nil {
			name = spec.Name.Name
		}
		switch name {
		case "_":
			continue
		case ".":
			return "", ""
		}
		if pkg, ok := lookup(scope, name, pos).(*types.PkgName); ok && pkg.Imported().Path() == path {
			return name, ""
		}
	}

	// Have: no usable import; add one under a name nothing at pos uses.
	name = base
	for i := 0; adding[name] || lookup(scope, name, pos) != nil || fileScopeHas(pass, file, name); i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	spec = strconv.Quote(path)
	if name != base {
		spec = name + " " + spec
	}
	return name, spec
}

// addImportEdits inserts the imports into file's import declaration,
// each in sorted position within the standard-library group when it is a
// standard package, as one edit per place so that edits never overlap.
func addImportEdits(fset *token.FileSet, file *ast.File, imports []newImport) []analysis.TextEdit {
	slices.SortFunc(imports, func(a, b newImport) int { return strings.Compare(a.path, b.path) })
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			decl = g
			break
		}
	}
	lines := func(imps []newImport) string {
		var b strings.Builder
		for _, imp := range imps {
			b.WriteString("\t" + imp.spec + "\n")
		}
		return b.String()
	}
	switch {
	case decl == nil:
		return []analysis.TextEdit{insertAt(file.Name.End(), "\n\nimport (\n"+lines(imports)+")")}

	case !decl.Lparen.IsValid():
		// Have: import "fmt". Make it a block holding all of them.
		old := decl.Specs[0].(*ast.ImportSpec)
		var before, after []newImport
		for _, imp := range imports {
			if imp.path < importPath(old) {
				before = append(before, imp)
			} else {
				after = append(after, imp)
			}
		}
		return []analysis.TextEdit{
			insertAt(old.Pos(), "(\n"+lines(before)+"\t"),
			insertAt(old.End(), "\n"+strings.TrimSuffix(lines(after), "\n")+"\n)"),
		}
	}

	// Have: import ( ... ). Insert whole lines, so that comments stay on
	// the lines they belong to.
	tf := fset.File(decl.Pos())
	lineStart := func(pos token.Pos) token.Pos { return tf.LineStart(tf.Line(pos)) }
	nextLine := func(pos token.Pos) token.Pos {
		line := tf.Line(pos)
		if line == tf.LineCount() {
			return decl.Rparen
		}
		return tf.LineStart(line + 1)
	}
	var firstStd *ast.ImportSpec
	for _, s := range decl.Specs {
		if s := s.(*ast.ImportSpec); isStdPath(importPath(s)) {
			firstStd = s
			break
		}
	}
	// Group the new lines by where they go, keeping their sorted order.
	type place struct {
		pos  token.Pos
		text string
	}
	var places []place
	add := func(pos token.Pos, text string) {
		for i := range places {
			if places[i].pos == pos {
				places[i].text += text
				return
			}
		}
		places = append(places, place{pos, text})
	}
	for _, imp := range imports {
		line := "\t" + imp.spec + "\n"
		var after *ast.ImportSpec
		for _, s := range decl.Specs {
			s := s.(*ast.ImportSpec)
			if isStdPath(importPath(s)) && importPath(s) < imp.path {
				after = s
			}
		}
		switch {
		case !isStdPath(imp.path):
			add(lineStart(decl.Rparen), line)
		case after != nil:
			add(nextLine(after.End()), line)
		case firstStd != nil:
			add(lineStart(firstStd.Pos()), line)
		case len(decl.Specs) > 0:
			// Only non-standard imports: the standard group goes first.
			add(lineStart(decl.Specs[0].Pos()), line+"\n")
		default:
			add(decl.Rparen, "\n"+line)
		}
	}
	var edits []analysis.TextEdit
	for _, p := range places {
		edits = append(edits, insertAt(p.pos, p.text))
	}
	return edits
}

func insertAt(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

func importPath(s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	return p
}

// isStdPath reports whether path looks like a standard-library package
// (its first element has no dot), which is how goimports groups them.
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// innermostScope returns the innermost scope of file that holds code
// inserted before pos: the innermost scope containing pos, unless that
// scope starts at pos, as the scope of an if, for, switch or block
// statement at pos does, which the inserted code precedes. (Taking the
// if's scope, a fix inserted before if err := a.Shutdown(ctx) did not see
// a shutdownCtx that another fix had declared later in the block.)
func innermostScope(info *types.Info, file *ast.File, pos token.Pos) *types.Scope {
	fileScope := info.Scopes[file]
	if fileScope == nil {
		return nil
	}
	s := fileScope.Innermost(pos)
	for s != nil && s != fileScope && s.Pos() == pos {
		s = s.Parent()
	}
	return s
}

// lookup returns the object that name denotes at pos, or nil.
func lookup(scope *types.Scope, name string, pos token.Pos) types.Object {
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// fileScopeHas reports whether any scope of the file, at any position,
// declares name: a new import must not be shadowed anywhere it might be
// used by later edits, nor conflict with a package-level name.
func fileScopeHas(pass *analysis.Pass, file *ast.File, name string) bool {
	if pass.Pkg.Scope().Lookup(name) != nil {
		return true
	}
	fs := pass.TypesInfo.Scopes[file]
	return fs != nil && fs.Lookup(name) != nil
}
