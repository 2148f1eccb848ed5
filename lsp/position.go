package lsp

import (
	"go/token"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A mapper converts Go positions (1-based line, 1-based byte column) in
// one file's content into LSP positions (0-based line, 0-based column in
// UTF-16 code units).
type mapper struct {
	content []byte
	lines   []int // byte offset of the start of each line
}

func newMapper(content []byte) *mapper {
	m := &mapper{content: content, lines: []int{0}}
	for i, b := range content {
		if b == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// lineBytes returns the text of the 0-based line, without its newline.
func (m *mapper) lineBytes(line int) []byte {
	start := m.lines[line]
	end := len(m.content)
	if line+1 < len(m.lines) {
		end = m.lines[line+1] - 1 // drop the newline
	}
	return m.content[start:end]
}

// position converts a token.Position of this file. A position past the
// end of its line or of the file is clamped to that end.
func (m *mapper) position(p token.Position) Position {
	line := p.Line - 1
	switch {
	case line < 0:
		return Position{}
	case line >= len(m.lines):
		line = len(m.lines) - 1
		return Position{Line: uint32(line), Character: utf16Len(m.lineBytes(line))}
	}
	text := m.lineBytes(line)
	col := max(p.Column-1, 0)
	col = min(col, len(text))
	return Position{Line: uint32(line), Character: utf16Len(text[:col])}
}

// utf16Len returns the length of text in UTF-16 code units. An invalid
// byte counts as one unit, as the U+FFFD that replaces it would.
func utf16Len(text []byte) uint32 {
	n := uint32(0)
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if r == utf8.RuneError && size == 1 {
			n++
		} else {
			n += uint32(utf16.RuneLen(r))
		}
		text = text[size:]
	}
	return n
}

// pathToURI returns the file URI of an absolute path.
func pathToURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // a Windows drive letter: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// uriToPath returns the path of a file URI, or "" if uri does not name a
// local file.
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || (u.Host != "" && u.Host != "localhost") {
		return ""
	}
	path := u.Path
	if runtime.GOOS == "windows" && len(path) >= 3 && path[0] == '/' && path[2] == ':' {
		path = path[1:] // /C:/x -> C:/x
	}
	return filepath.Clean(filepath.FromSlash(path))
}
