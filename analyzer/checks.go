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
	{checkExitInHandler, "the SIGTERM handler exits before draining the server"},
	{checkExitBeforeDrain, "the goroutine that started the server exits as soon as Shutdown begins"},
	{checkShutdownWithoutDelay, "Shutdown is called with no propagation delay before it"},
	{checkCloseInsteadOfShutdown, "the SIGTERM handler calls Close, cutting in-flight requests"},
	{checkShutdownContextDone, "Shutdown is given a context that is already done"},
	{checkRequestContextCancelled, "BaseContext ties every request to the signal context"},
	{checkGracePeriodExceeded, "the delays leave the drain too little of the pod's grace period"},
}

const (
	checkMissingSigterm          = "missing-sigterm"
	checkExitInHandler           = "exit-in-handler"
	checkExitBeforeDrain         = "exit-before-drain"
	checkShutdownWithoutDelay    = "shutdown-without-delay"
	checkCloseInsteadOfShutdown  = "close-instead-of-shutdown"
	checkShutdownContextDone     = "shutdown-context-done"
	checkRequestContextCancelled = "request-context-cancelled"
	checkGracePeriodExceeded     = "grace-period-exceeded"
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

// CheckSection returns the named check's documentation as the README
// shows it and sigtermcheck -explain prints it: a "### name" heading, the
// text of analyzer/doc/<name>.md, and how to turn the check off. It
// returns "" if there is no such check.
func CheckSection(name string) string {
	doc := CheckDoc(name)
	if doc == "" {
		return ""
	}
	return "### " + name + "\n\n" + doc +
		"\nTurn it off with `-disable=" + name + "`, or suppress one report with `//sigtermcheck:ignore " + name + " <reason>`.\n"
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
	b.WriteString("\n\nEach report ends with its check's name. Read a check's documentation with\n" +
		"sigtermcheck -explain <check>, or at " + docURL + "<check>.\n" +
		"Suppress a report with //sigtermcheck:ignore <check>[,<check>] <reason>\n" +
		"on the reported line or the line above it.")
	return b.String()
}
