package driver

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// vetMain runs a for the go command (go vet -vettool, go fix -fixtool)
// and exits.
func vetMain(a *analysis.Analyzer) {
	for _, arg := range os.Args[1:] {
		if arg == "-V=full" || arg == "--V=full" {
			line, err := fullVersionLine(a.Name)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
				os.Exit(exitError)
			}
			fmt.Println(line)
			os.Exit(exitOK)
		}
	}
	// The go command runs the tool once per package (dependencies
	// included, for their facts), each time with the user's flags, and
	// reports each failing run. The flag package writes a bad value's
	// error to the command line's output, then calls its Usage and exits
	// with status 2. Keep the error until Usage knows whether this is the
	// go command's first run to fail.
	var flagErr bytes.Buffer
	flag.CommandLine.SetOutput(&flagErr)
	flag.CommandLine.Usage = func() {
		failOnce(a.Name + ": " + flagErr.String() + fmt.Sprintf("run '%s help' for usage\n", a.Name))
	}
	// Values that parse but do not fit together fail the same way,
	// before unitchecker loads the package. (Left to the analyzer, the
	// error would be printed for every package, and go vet, which now
	// takes the tool's results as JSON, would cache the runs as
	// successes: the next go vet would print nothing and succeed.)
	if err := vetSettingsError(a, os.Args[1:]); err != nil {
		failOnce(fmt.Sprintf("%s: %v\n", a.Name, err))
	}
	singlechecker.Main(a)
}

// failOnce ends a run whose settings are wrong. The go command's first
// run to fail prints msg and exits with status 2; the others exit
// silently with status 0 before writing any facts, so that nothing is
// cached, and the go command reports the one failure. (A run that failed
// silently would add a line "pkg: tool: exit status 2" per package.)
func failOnce(msg string) {
	if cfg := configFile(os.Args[1:]); cfg != "" && !firstToFail(cfg) {
		os.Exit(exitOK)
	}
	os.Stderr.WriteString(msg)
	os.Exit(exitUsage)
}

// configFile returns the vet configuration file among args, or "".
func configFile(args []string) string {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return args[len(args)-1]
	}
	return ""
}

// actionDir matches the directory of one action in the go command's work
// directory ($WORK/b001).
var actionDir = regexp.MustCompile(`^b[0-9]+$`)

// firstToFail reports whether this run is the first of its go command to
// fail on its flags, so that one go vet prints a bad flag value or
// setting once, not once per package. The runs of one go command share
// its work directory ($WORK, a go-build* directory that it removes when
// it ends), which holds each run's configuration file
// ($WORK/b001/vet.cfg); the first run creates a marker file there. Outside such a directory every
// run is the first.
func firstToFail(cfg string) bool {
	dir := filepath.Dir(cfg)
	work := filepath.Dir(dir)
	if !actionDir.MatchString(filepath.Base(dir)) || !strings.HasPrefix(filepath.Base(work), "go-build") {
		return true
	}
	f, err := os.OpenFile(filepath.Join(work, "sigtermcheck-flag-error"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false
	}
	if err == nil {
		f.Close()
	}
	return true
}
