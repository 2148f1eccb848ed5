package analyzer_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/sigtermcheck/sigtermcheck/analyzer"
)

var update = flag.Bool("update", false, "rewrite the README's check sections from analyzer/doc")

// TestREADME keeps the README's check sections identical to the check
// documentation in analyzer/doc, the single source that also feeds -help,
// -explain and the diagnostics' URLs.
func TestREADME(t *testing.T) {
	const (
		readme = "../README.md"
		begin  = "<!-- checks:begin"
		end    = "<!-- checks:end -->"
	)
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q ... %q markers", begin, end)
	}
	i += strings.Index(text[i:], "\n") + 1

	var sections strings.Builder
	for _, name := range analyzer.CheckNames() {
		sections.WriteString("\n" + analyzer.CheckSection(name))
	}
	want := text[:i] + sections.String() + text[j:]
	if want == text {
		return
	}
	if *update {
		if err := os.WriteFile(readme, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's check sections differ from analyzer/doc; run: go test ./analyzer -run README -update")
}
