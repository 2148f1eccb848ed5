// Command sigtermcheck-lsp is a language server that shows sigtermcheck's
// diagnostics in an editor and offers its suggested fixes as quick fixes.
// It speaks the Language Server Protocol on standard input and output;
// editors run it beside gopls, which cannot load third-party analyzers.
// See lsp/README.md for editor setups.
//
// Usage:
//
//	sigtermcheck-lsp [-logfile path]
//
// Its log (one line per analysis, with timings) goes to the editor as
// window/logMessage notifications, or with -logfile to that file.
//
// The analyzer's settings (min-delay, delay, disable) come from the
// client's initializationOptions.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/debug"

	"github.com/sigtermcheck/sigtermcheck/lsp"
)

func main() {
	logfile := flag.String("logfile", "", "write the server's log to this file instead of sending it to the editor (window/logMessage)")
	version := flag.Bool("version", false, "print the version and exit")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: sigtermcheck-lsp [-logfile path]\n\n"+
			"sigtermcheck-lsp is a language server for sigtermcheck: start it from an editor,\n"+
			"which talks to it over standard input and output.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *version {
		fmt.Println("sigtermcheck-lsp", buildVersion())
		return
	}

	// Without -logfile the log goes to the editor as window/logMessage
	// notifications (Options.Log nil), not to standard error, which
	// editors log as errors.
	opts := lsp.Options{Version: buildVersion()}
	if *logfile != "" {
		f, err := os.OpenFile(*logfile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sigtermcheck-lsp:", err)
			os.Exit(2)
		}
		defer f.Close()
		opts.Log = log.New(f, "", log.LstdFlags|log.Lmicroseconds)
	}

	if err := lsp.Serve(context.Background(), stdio{}, opts); err != nil {
		// The protocol asks for status 1 when the session did not end
		// with shutdown and exit; say why on standard error, since the
		// connection is gone.
		fmt.Fprintln(os.Stderr, "sigtermcheck-lsp:", err)
		os.Exit(1)
	}
}

// stdio is the server's connection: standard input and output.
type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error {
	err := os.Stdin.Close()
	if err2 := os.Stdout.Close(); err == nil {
		err = err2
	}
	return err
}

func buildVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
