package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// importName returns the name by which the code at pos can refer to the
// package with the given import path, and the edits (if any) that add the
// import to file. It reuses an existing import, however it is named, when
// that name is not shadowed at pos; otherwise it adds one, under a fresh
// name if the package's own name is taken. It only produces edits: the
// AST is never modified. A result name of "" means the package is
// dot-imported.
func importName(pass *analysis.Pass, file *ast.File, pos token.Pos, path string) (string, []analysis.TextEdit) {
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
			return "", nil
		}
		if pkg, ok := lookup(scope, name, pos).(*types.PkgName); ok && pkg.Imported().Path() == path {
			return name, nil
		}
	}

	// Have: no usable import; add one under a name nothing at pos uses.
	name := base
	for i := 0; lookup(scope, name, pos) != nil || fileScopeHas(pass, file, name); i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	spec := strconv.Quote(path)
	if name != base {
		spec = name + " " + spec
	}
	return name, addImportEdits(pass.Fset, file, path, spec)
}

// addImportEdits inserts spec into file's imports, in sorted position
// within the standard-library group when path is a standard package.
func addImportEdits(fset *token.FileSet, file *ast.File, path, spec string) []analysis.TextEdit {
	var decl *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			decl = g
			break
		}
	}
	insert := func(pos token.Pos, text string) []analysis.TextEdit {
		return []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}
	}
	switch {
	case decl == nil:
		return insert(file.Name.End(), "\n\nimport "+spec)

	case !decl.Lparen.IsValid():
		// Have: import "fmt". Make it a block holding both.
		old := decl.Specs[0].(*ast.ImportSpec)
		if importPath(old) < path {
			return []analysis.TextEdit{
				{Pos: old.Pos(), End: old.Pos(), NewText: []byte("(\n\t")},
				{Pos: old.End(), End: old.End(), NewText: []byte("\n\t" + spec + "\n)")},
			}
		}
		return []analysis.TextEdit{
			{Pos: old.Pos(), End: old.Pos(), NewText: []byte("(\n\t" + spec + "\n\t")},
			{Pos: old.End(), End: old.End(), NewText: []byte("\n)")},
		}
	}

	// Have: import ( ... ). Insert a whole line, so that comments stay
	// on the lines they belong to.
	tf := fset.File(decl.Pos())
	lineStart := func(pos token.Pos) token.Pos { return tf.LineStart(tf.Line(pos)) }
	nextLine := func(pos token.Pos) token.Pos {
		line := tf.Line(pos)
		if line == tf.LineCount() {
			return decl.Rparen
		}
		return tf.LineStart(line + 1)
	}
	var after, firstStd *ast.ImportSpec
	for _, s := range decl.Specs {
		s := s.(*ast.ImportSpec)
		if !isStdPath(importPath(s)) {
			continue
		}
		if firstStd == nil {
			firstStd = s
		}
		if importPath(s) < path {
			after = s
		}
	}
	line := "\t" + spec + "\n"
	switch {
	case !isStdPath(path):
		return insert(lineStart(decl.Rparen), line)
	case after != nil:
		return insert(nextLine(after.End()), line)
	case firstStd != nil:
		return insert(lineStart(firstStd.Pos()), line)
	case len(decl.Specs) > 0:
		// Only non-standard imports: the standard group goes first.
		return insert(lineStart(decl.Specs[0].Pos()), line+"\n")
	}
	return insert(decl.Rparen, "\n"+line)
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

// innermostScope returns the innermost scope of file containing pos.
func innermostScope(info *types.Info, file *ast.File, pos token.Pos) *types.Scope {
	fileScope := info.Scopes[file]
	if fileScope == nil {
		return nil
	}
	return fileScope.Innermost(pos)
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
