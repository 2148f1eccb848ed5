package lsp

import (
	"go/token"
	"path/filepath"
	"runtime"
	"testing"
	"unicode/utf16"
)

// Line 2 holds a two-byte rune (é, one UTF-16 unit), a four-byte rune
// (😀, a surrogate pair) and an invalid byte (one unit, as the U+FFFD that
// replaces it).
const mapperContent = "package p\n\t// é😀\xffx\n\nlast"

func TestMapperPosition(t *testing.T) {
	m := newMapper([]byte(mapperContent))
	for _, tc := range []struct {
		line, col int // of a token.Position: 1-based, in bytes
		want      Position
	}{
		{1, 1, Position{0, 0}},
		{1, 10, Position{0, 9}}, // the newline ends the line
		{2, 1, Position{1, 0}},
		{2, 5, Position{1, 4}},  // before é
		{2, 7, Position{1, 5}},  // after é: 2 bytes, 1 unit
		{2, 11, Position{1, 7}}, // after 😀: 4 bytes, 2 units
		{2, 12, Position{1, 8}}, // after the invalid byte: 1 unit
		{2, 13, Position{1, 9}}, // end of the line
		{2, 40, Position{1, 9}}, // past the end of the line: clamped
		{2, 0, Position{1, 0}},  // no column
		{3, 1, Position{2, 0}},  // empty line
		{3, 5, Position{2, 0}},  // past the end of an empty line
		{4, 5, Position{3, 4}},  // end of the last line, which has no newline
		{9, 1, Position{3, 4}},  // past the end of the file: clamped
		{0, 0, Position{0, 0}},  // no position
	} {
		if got := m.position(token.Position{Line: tc.line, Column: tc.col}); got != tc.want {
			t.Errorf("position(%d:%d) = %+v, want %+v", tc.line, tc.col, got, tc.want)
		}
	}
}

// TestMapperEveryRune checks position against an independent count at
// every rune boundary of valid text.
func TestMapperEveryRune(t *testing.T) {
	text := "a\u00e9\u4e16\U0001F600b\n\n\t\U0001D11E x // \u00fc\n"
	m := newMapper([]byte(text))
	line, lineStart := 1, 0
	for off, r := range text + "\x00" {
		col := off - lineStart + 1
		p := m.position(token.Position{Line: line, Column: col})
		want := uint32(len(utf16.Encode([]rune(text[lineStart:off]))))
		if p.Line != uint32(line-1) || p.Character != want {
			t.Errorf("position(%d:%d) = %+v, want {%d %d}", line, col, p, line-1, want)
		}
		if r == '\n' {
			line, lineStart = line+1, off+1
		}
	}
}

func TestURIs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix paths")
	}
	for _, tc := range []struct{ path, uri string }{
		{"/tmp/m/main.go", "file:///tmp/m/main.go"},
		{"/tmp/a b/é.go", "file:///tmp/a%20b/%C3%A9.go"},
	} {
		if got := pathToURI(tc.path); got != tc.uri {
			t.Errorf("pathToURI(%q) = %q, want %q", tc.path, got, tc.uri)
		}
		if got := uriToPath(tc.uri); got != filepath.Clean(tc.path) {
			t.Errorf("uriToPath(%q) = %q, want %q", tc.uri, got, tc.path)
		}
	}
	// Clients spell URIs differently; all name the same file.
	for _, uri := range []string{"file:///tmp/a%20b/%c3%a9.go", "file://localhost/tmp/a%20b/é.go", "file:///tmp/a b/é.go"} {
		if got := uriToPath(uri); got != "/tmp/a b/é.go" {
			t.Errorf("uriToPath(%q) = %q", uri, got)
		}
	}
	for _, uri := range []string{"untitled:Untitled-1", "https://example.com/x.go", "file://otherhost/x.go", "%zz"} {
		if got := uriToPath(uri); got != "" {
			t.Errorf("uriToPath(%q) = %q, want \"\"", uri, got)
		}
	}
}
