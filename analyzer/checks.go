package analyzer

import (
	"embed"
	"strings"
)

// A check is one kind of mistake sigtermcheck reports. Its name is the
// diagnostic Category, the -disable value, the suppression directive's
// argument and the README anchor its URL points to.
type check struct {
	name    string
	summary string // one line, for Analyzer.Doc and -help
}

// The checks, in README order.
var checks = []check{
	{checkMissingSigterm, "an HTTP server is started but SIGTERM is never handled"},
}

const (
	checkMissingSigterm = "missing-sigterm"
)

// docURL is where each check's README section lives.
const docURL = "https://github.com/sigtermcheck/sigtermcheck#"

//go:embed doc/*.md
var docFS embed.FS

// CheckNames returns the names of all checks, in documentation order.
func CheckNames() []string {
	names := make([]string, len(checks))
	for i, c := range checks {
		names[i] = c.name
	}
	return names
}

func checkByName(name string) *check {
	for i := range checks {
		if checks[i].name == name {
			return &checks[i]
		}
	}
	return nil
}

// CheckDoc returns the Markdown documentation of the named check (the
// README section without its heading), or "" if there is no such check.
func CheckDoc(name string) string {
	if checkByName(name) == nil {
		return ""
	}
	b, err := docFS.ReadFile("doc/" + name + ".md")
	if err != nil {
		return ""
	}
	return string(b)
}

// analyzerDoc is Analyzer.Doc: what -help prints.
func analyzerDoc() string {
	var b strings.Builder
	b.WriteString(`report HTTP servers that drop requests when Kubernetes stops their pod

In a rolling update the pod gets SIGTERM while load balancers still route
to it for several seconds. A correct server keeps serving for a propagation
delay, then calls Shutdown with a deadline, waits for it, and exits.
sigtermcheck reports programs that get this wrong:
`)
	for _, c := range checks {
		b.WriteString("\n  " + c.name + strings.Repeat(" ", 27-len(c.name)) + c.summary)
	}
	b.WriteString("\n\nEach check is documented at " + docURL + "<check-name>.\n" +
		"Suppress a report with //sigtermcheck:ignore <check>[,<check>] <reason>\n" +
		"on the reported line or the line above it.")
	return b.String()
}
