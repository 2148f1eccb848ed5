package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/sourcegraph/jsonrpc2"
)

// Protocol-level tests: a client on one end of a pair of in-process pipes
// talks to Serve on the other.

// wait bounds every wait of these tests: a broken server fails a test, it
// never hangs it. An analysis takes seconds; the margin is for slow, busy
// machines and the race detector.
const wait = 2 * time.Minute

// pipe is one end of a pair of io.Pipes.
type pipe struct {
	io.Reader
	io.WriteCloser
	r *io.PipeReader
}

func (p pipe) Close() error {
	p.r.Close()
	return p.WriteCloser.Close()
}

// A client drives a server over pipes and records what the server sends.
type client struct {
	t    *testing.T
	conn *jsonrpc2.Conn
	done chan struct{} // closed when Serve returns
	err  error         // what Serve returned

	mu      sync.Mutex
	notes   []note
	changed chan struct{}
}

// A note is a notification received from the server.
type note struct {
	method string
	params json.RawMessage
}

// startServer runs a server over pipes and returns a client connected to
// it; the server is stopped when the test ends.
func startServer(t *testing.T, opts Options) *client {
	t.Helper()
	if opts.Log == nil {
		opts.Log = log.New(testWriter{t}, "server: ", 0)
	}
	return startServerLogging(t, opts)
}

// startServerLogging is startServer with the log as opts says: with a nil
// Log, the server sends it to the client.
func startServerLogging(t *testing.T, opts Options) *client {
	t.Helper()
	if opts.Debounce == 0 {
		opts.Debounce = 20 * time.Millisecond
	}
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	c := &client{t: t, done: make(chan struct{}), changed: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		c.err = Serve(ctx, pipe{sr, sw, sr}, opts)
		close(c.done)
	}()
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(pipe{cr, cw, cr}, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(c.handle), jsonrpc2.SetLogger(log.New(testWriter{t}, "client: ", 0)))
	t.Cleanup(func() {
		cancel()
		c.conn.Close()
		select {
		case <-c.done:
		case <-time.After(wait):
			t.Errorf("server did not stop within %v", wait)
		}
	})
	return c
}

// testWriter sends log output to the test's log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

func (c *client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	if !req.Notif {
		return nil, &jsonrpc2.Error{Code: codeMethodNotFound, Message: "the test client answers no request"}
	}
	var params json.RawMessage
	if req.Params != nil {
		params = *req.Params
	}
	c.mu.Lock()
	c.notes = append(c.notes, note{req.Method, params})
	c.mu.Unlock()
	select {
	case c.changed <- struct{}{}:
	default:
	}
	return nil, nil
}

// mark returns the position in the notification log from which a later
// waitFor looks.
func (c *client) mark() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.notes)
}

// waitFor returns the first notification at or after mark that has the
// method and satisfies match, and its index.
func (c *client) waitFor(mark int, method string, match func(json.RawMessage) bool) (json.RawMessage, int) {
	c.t.Helper()
	deadline := time.After(wait)
	for {
		c.mu.Lock()
		for i := mark; i < len(c.notes); i++ {
			if n := c.notes[i]; n.method == method && match(n.params) {
				c.mu.Unlock()
				return n.params, i
			}
		}
		c.mu.Unlock()
		select {
		case <-c.changed:
		case <-deadline:
			c.t.Fatalf("no %s notification within %v", method, wait)
		}
	}
}

// diagnostics waits for the diagnostics of uri published after mark, and
// returns those of the given check, with the index after them.
func (c *client) diagnostics(mark int, uri, code string) ([]Diagnostic, int) {
	c.t.Helper()
	var p PublishDiagnosticsParams
	raw, i := c.waitFor(mark, "textDocument/publishDiagnostics", func(raw json.RawMessage) bool {
		var p PublishDiagnosticsParams
		return json.Unmarshal(raw, &p) == nil && p.URI == uri
	})
	if err := json.Unmarshal(raw, &p); err != nil {
		c.t.Fatal(err)
	}
	if p.Diagnostics == nil {
		c.t.Errorf("diagnostics of %s published as null, want a list", uri)
	}
	// Checks added later may report on the same code; each test looks at
	// the one it is about.
	var diags []Diagnostic
	for _, d := range p.Diagnostics {
		if d.Code == code {
			diags = append(diags, d)
		}
	}
	return diags, i + 1
}

func (c *client) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize performs the handshake with the given initializationOptions
// (nil for none).
func (c *client) initialize(options any) InitializeResult {
	c.t.Helper()
	var res InitializeResult
	if err := c.call("initialize", initializeParams(options), &res); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	c.notify("initialized", struct{}{})
	return res
}

func initializeParams(options any) map[string]any {
	p := map[string]any{
		"processId":    nil,
		"rootUri":      nil,
		"capabilities": map[string]any{},
		"clientInfo":   map[string]any{"name": "test"},
	}
	if options != nil {
		p["initializationOptions"] = options
	}
	return p
}

// stop sends shutdown and exit and returns what Serve returned.
func (c *client) stop() error {
	c.t.Helper()
	if err := c.call("shutdown", nil, nil); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
	c.notify("exit", nil)
	return c.wait()
}

// wait waits for Serve to return and returns its result.
func (c *client) wait() error {
	c.t.Helper()
	select {
	case <-c.done:
		return c.err
	case <-time.After(wait):
		c.t.Fatalf("server still running after %v", wait)
		return nil
	}
}

func (c *client) open(path string) {
	c.t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		c.t.Fatal(err)
	}
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: pathToURI(path), LanguageID: "go", Version: 1, Text: string(content),
	}})
}

func (c *client) save(path string) {
	c.t.Helper()
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: pathToURI(path)}})
}

// writeModule writes a module named example.com/m with the given files
// into a temporary directory and returns the directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.22\n"
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// applyEdits applies LSP text edits to text. It converts positions with
// its own UTF-16 arithmetic, independent of the server's mapper.
func applyEdits(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	offset := func(p Position) int {
		lines := strings.SplitAfter(text, "\n")
		if int(p.Line) >= len(lines) {
			t.Fatalf("edit position %+v past the end of the text", p)
		}
		off := 0
		for _, l := range lines[:p.Line] {
			off += len(l)
		}
		units := utf16.Encode([]rune(strings.TrimSuffix(lines[p.Line], "\n")))
		if int(p.Character) > len(units) {
			t.Fatalf("edit position %+v past the end of its line", p)
		}
		return off + len(string(utf16.Decode(units[:p.Character])))
	}
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{offset(e.Range.Start), offset(e.Range.End), e.NewText})
	}
	// Apply from the end so that earlier offsets stay valid.
	slices.SortStableFunc(spans, func(a, b span) int { return b.start - a.start })
	for _, s := range spans {
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text
}

func TestInitializeAndShutdown(t *testing.T) {
	c := startServer(t, Options{Version: "v1.2.3"})

	// Before initialize, requests fail with ServerNotInitialized.
	var rpcErr *jsonrpc2.Error
	err := c.call("textDocument/codeAction", CodeActionParams{}, nil)
	if !errors.As(err, &rpcErr) || rpcErr.Code != codeServerNotInitialized {
		t.Errorf("codeAction before initialize: got %v, want error %d", err, codeServerNotInitialized)
	}

	var raw json.RawMessage
	if err := c.call("initialize", initializeParams(nil), &raw); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	const want = `{"capabilities":{"positionEncoding":"utf-16",` +
		`"textDocumentSync":{"openClose":true,"change":0,"save":{"includeText":false}},` +
		`"codeActionProvider":{"codeActionKinds":["quickfix"]}},` +
		`"serverInfo":{"name":"sigtermcheck-lsp","version":"v1.2.3"}}`
	if string(raw) != want {
		t.Errorf("initialize result:\n got %s\nwant %s", raw, want)
	}
	c.notify("initialized", struct{}{})

	if err := c.call("initialize", initializeParams(nil), nil); !errors.As(err, &rpcErr) || rpcErr.Code != codeInvalidRequest {
		t.Errorf("second initialize: got %v, want error %d", err, codeInvalidRequest)
	}
	if err := c.call("textDocument/hover", map[string]any{}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != codeMethodNotFound {
		t.Errorf("unsupported request: got %v, want error %d", err, codeMethodNotFound)
	}

	var result json.RawMessage
	if err := c.call("shutdown", nil, &result); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if string(result) != "null" {
		t.Errorf("shutdown result = %s, want null", result)
	}
	if err := c.call("textDocument/codeAction", CodeActionParams{}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: got %v, want error %d", err, codeInvalidRequest)
	}
	c.notify("exit", nil)
	if err := c.wait(); err != nil {
		t.Errorf("Serve after shutdown and exit = %v, want nil", err)
	}
}

// TestLogToClient checks that without a log of its own the server sends
// its log lines to the client as window/logMessage of type Log: an
// editor keeps them as information, where standard error would be
// logged as errors.
func TestLogToClient(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{"main.go": interruptOnly})
	c := startServerLogging(t, Options{})
	c.initialize(nil)
	m := c.mark()
	c.open(filepath.Join(dir, "main.go"))
	raw, _ := c.waitFor(m, "window/logMessage", func(raw json.RawMessage) bool {
		return strings.Contains(string(raw), "analyzed 1 package(s)")
	})
	var msg ShowMessageParams
	if err := json.Unmarshal(raw, &msg); err != nil {
		t.Fatal(err)
	}
	if msg.Type != MessageLog || strings.HasSuffix(msg.Message, "\n") {
		t.Errorf("logMessage %+v, want type %d (Log) and a line without its newline", msg, MessageLog)
	}
	if err := c.stop(); err != nil {
		t.Errorf("Serve = %v", err)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	c.notify("exit", nil)
	if err := c.wait(); !errors.Is(err, ErrExitWithoutShutdown) {
		t.Errorf("Serve = %v, want %v", err, ErrExitWithoutShutdown)
	}
}

func TestDisconnect(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil)
	c.conn.Close()
	if err := c.wait(); !errors.Is(err, ErrDisconnected) {
		t.Errorf("Serve = %v, want %v", err, ErrDisconnected)
	}
}

// interruptOnly subscribes to os.Interrupt only, for a handler that
// stops the program (so the fix adds SIGTERM there; a handler that goes
// on serving may be a reload handler). The comment before the
// Notify call holds a two-byte rune and an emoji (four bytes, two UTF-16
// units): after the tab and "/* é 😀 */ ", the call starts at byte 15,
// rune 11 and UTF-16 unit 12 of its line (0-based).
const interruptOnly = `package main

import (
	"net/http"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	/* é 😀 */ signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		os.Exit(0)
	}()
	http.ListenAndServe(":8080", nil)
}
`

const interruptOnlyFixed = `package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 1)
	/* é 😀 */ signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-c
		os.Exit(0)
	}()
	http.ListenAndServe(":8080", nil)
}
`

// isMissingMessage reports whether msg is the message of interruptOnly's
// report: it names the call and ends with the check's name. (The
// wording itself is the analyzer's to test.)
func isMissingMessage(msg string) bool {
	return strings.Contains(msg, "signal.Notify") && strings.HasSuffix(msg, " (missing-sigterm)")
}

func TestDiagnosticsAndQuickFix(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	dir := writeModule(t, map[string]string{"main.go": interruptOnly})
	path := filepath.Join(dir, "main.go")
	uri := pathToURI(path)
	c := startServer(t, Options{})
	c.initialize(nil)

	m := c.mark()
	c.open(path)
	diags, _ := c.diagnostics(m, uri, "missing-sigterm")
	if len(diags) != 1 {
		t.Fatalf("got %d missing-sigterm diagnostics, want 1: %+v", len(diags), diags)
	}
	d := diags[0]
	// signal.Notify(c, os.Interrupt) on line 11 (0-based 10), from UTF-16
	// column 12 to 12+len("signal.Notify(c, os.Interrupt)") = 42.
	wantRange := Range{Start: Position{10, 12}, End: Position{10, 42}}
	if d.Range != wantRange {
		t.Errorf("range = %+v, want %+v (UTF-16 columns)", d.Range, wantRange)
	}
	if !isMissingMessage(d.Message) {
		t.Errorf("message = %q, want one naming signal.Notify and ending with (missing-sigterm)", d.Message)
	}
	if d.Source != "sigtermcheck" || d.Severity != SeverityWarning {
		t.Errorf("source, severity = %q, %d; want sigtermcheck, %d", d.Source, d.Severity, SeverityWarning)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != "https://github.com/sigtermcheck/sigtermcheck#missing-sigterm" {
		t.Errorf("codeDescription = %+v, want the check's README section", d.CodeDescription)
	}
	wantRelated := DiagnosticRelatedInformation{
		Location: Location{URI: uri, Range: Range{Start: Position{15, 1}, End: Position{15, 34}}},
		Message:  "the server is started here",
	}
	if !slices.Contains(d.RelatedInformation, wantRelated) {
		t.Errorf("relatedInformation = %+v, want it to contain %+v", d.RelatedInformation, wantRelated)
	}

	// A cursor inside the diagnostic, with the diagnostic in the context,
	// as editors send it.
	var actions []CodeAction
	err := c.call("textDocument/codeAction", CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: uri},
		Range:        Range{Start: Position{10, 20}, End: Position{10, 20}},
		Context:      CodeActionContext{Diagnostics: []Diagnostic{d}},
	}, &actions)
	if err != nil {
		t.Fatalf("codeAction: %v", err)
	}
	var fix *CodeAction
	for i, a := range actions {
		if a.Title == "Add syscall.SIGTERM to the subscribed signals" {
			fix = &actions[i]
		}
	}
	if fix == nil {
		t.Fatalf("no SIGTERM quick fix among %+v", actions)
	}
	if fix.Kind != "quickfix" || len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Message != d.Message {
		t.Errorf("code action = %+v, want a quickfix for the diagnostic", fix)
	}
	if fix.Edit == nil || len(fix.Edit.Changes) != 1 || fix.Edit.Changes[uri] == nil {
		t.Fatalf("edit = %+v, want changes to %s only", fix.Edit, uri)
	}
	// The edit that adds the signal is at UTF-16 column 41, after
	// os.Interrupt; applying all edits gives the fixed program.
	edits := fix.Edit.Changes[uri]
	if !slices.ContainsFunc(edits, func(e TextEdit) bool {
		return e.Range.Start == (Position{10, 41}) && e.NewText == ", syscall.SIGTERM"
	}) {
		t.Errorf("edits = %+v, want an insertion of %q at 10:41", edits, ", syscall.SIGTERM")
	}
	got := applyEdits(t, interruptOnly, edits)
	if got != interruptOnlyFixed {
		t.Errorf("fixed text:\n%s\nwant:\n%s", got, interruptOnlyFixed)
	}

	// Outside the diagnostic, or when only refactorings are wanted, there
	// is nothing to offer.
	for _, p := range []CodeActionParams{
		{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{Start: Position{3, 0}, End: Position{3, 1}}},
		{TextDocument: TextDocumentIdentifier{URI: uri}, Range: wantRange, Context: CodeActionContext{Only: []string{"refactor"}}},
	} {
		var none []CodeAction
		if err := c.call("textDocument/codeAction", p, &none); err != nil {
			t.Fatal(err)
		}
		if none == nil || len(none) != 0 {
			t.Errorf("codeAction %+v = %+v, want []", p, none)
		}
	}

	// Saving the fixed file clears its diagnostics.
	if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	m = c.mark()
	c.save(path)
	if diags, _ := c.diagnostics(m, uri, "missing-sigterm"); len(diags) != 0 {
		t.Errorf("after the fix: %+v, want no missing-sigterm diagnostic", diags)
	}

	if err := c.stop(); err != nil {
		t.Errorf("Serve = %v", err)
	}
}

// noSubscription starts a server and handles no signal at all; the line
// holding the call has non-ASCII text before it, after it, and in a
// string argument.
const noSubscription = `package main

import "net/http"

func main() {
	addr := "🚀" // ünïcode
	/* ☃ 𝄞 */ http.ListenAndServe(":8080"+addr[:0], nil) // 😀 after
}
`

func TestUTF16Positions(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	dir := writeModule(t, map[string]string{"main.go": noSubscription})
	path := filepath.Join(dir, "main.go")
	uri := pathToURI(path)
	c := startServer(t, Options{})
	c.initialize(nil)
	m := c.mark()
	c.open(path)
	diags, _ := c.diagnostics(m, uri, "missing-sigterm")
	if len(diags) != 1 {
		t.Fatalf("got %d missing-sigterm diagnostics, want 1: %+v", len(diags), diags)
	}
	// "\t/* ☃ 𝄞 */ " is 1+3+1+1+2+4 = 12 UTF-16 units (𝄞 is a surrogate
	// pair) and 16 bytes; the call is 42 bytes and UTF-16 units long.
	want := Range{Start: Position{6, 12}, End: Position{6, 54}}
	if diags[0].Range != want {
		t.Errorf("range = %+v, want %+v", diags[0].Range, want)
	}
	line := strings.Split(noSubscription, "\n")[6]
	units := utf16.Encode([]rune(line))
	if got := string(utf16.Decode(units[want.Start.Character:want.End.Character])); got != `http.ListenAndServe(":8080"+addr[:0], nil)` {
		t.Errorf("range covers %q", got)
	}
}

func TestTypeErrors(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	const broken = `package main

import "net/http"

func main() {
	var port int = "8080"
	http.ListenAndServe(":8080", nil)
}
`
	dir := writeModule(t, map[string]string{"main.go": broken})
	path := filepath.Join(dir, "main.go")
	uri := pathToURI(path)
	c := startServer(t, Options{})
	c.initialize(nil)
	m := c.mark()
	c.open(path)
	raw, _ := c.waitFor(m, "window/showMessage", func(json.RawMessage) bool { return true })
	var msg ShowMessageParams
	if err := json.Unmarshal(raw, &msg); err != nil {
		t.Fatal(err)
	}
	if msg.Type != MessageWarning || !strings.Contains(msg.Message, "not analyzing example.com/m until it type-checks") ||
		!strings.Contains(msg.Message, "main.go:6:17") {
		t.Errorf("showMessage = %+v, want a warning naming the package and the error's position", msg)
	}
	if diags, _ := c.diagnostics(m, uri, "missing-sigterm"); len(diags) != 0 {
		t.Errorf("diagnostics of a package that does not type-check: %+v", diags)
	}

	// Once the error is fixed, the package is analyzed again.
	fixed := strings.Replace(broken, `var port int = "8080"`, `var port = "8080"
	_ = port`, 1)
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	m = c.mark()
	c.save(path)
	if diags, _ := c.diagnostics(m, uri, "missing-sigterm"); len(diags) != 1 {
		t.Errorf("after fixing the type error: %+v, want one missing-sigterm diagnostic", diags)
	}
	if err := c.stop(); err != nil {
		t.Errorf("Serve = %v", err)
	}
}

func TestSyntaxErrorDoesNotStopTheServer(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	dir := writeModule(t, map[string]string{"main.go": "package main\n\nfunc main() {\n"})
	path := filepath.Join(dir, "main.go")
	c := startServer(t, Options{})
	c.initialize(nil)
	m := c.mark()
	c.open(path)
	raw, _ := c.waitFor(m, "window/showMessage", func(json.RawMessage) bool { return true })
	if !strings.Contains(string(raw), "not analyzing") {
		t.Errorf("showMessage = %s, want a message that the package is not analyzed", raw)
	}
	if err := c.stop(); err != nil {
		t.Errorf("Serve = %v", err)
	}
}

func TestInitializationOptions(t *testing.T) {
	for _, tc := range []struct {
		options any
		want    string // in the error message
	}{
		{map[string]any{"min-delay": "five seconds"}, `"min-delay": not a duration`},
		{map[string]any{"min-delay": 5}, `"min-delay": want a duration string`},
		{map[string]any{"delay": "-1s"}, "-delay: must be positive"},
		{map[string]any{"min-delay": "-2s"}, "-min-delay: must not be negative"},
		{map[string]any{"disable": []string{"no-such-check"}}, `-disable: unknown check "no-such-check"`},
		{map[string]any{"disable": 3}, `"disable": want a list of check names`},
		{map[string]any{"minDelay": "5s"}, `"minDelay": unknown option (known options: min-delay, delay, disable, grace-period, prestop-delay, min-drain)`},
		{[]string{"x"}, "want an object"},
	} {
		t.Run(fmt.Sprint(tc.options), func(t *testing.T) {
			c := startServer(t, Options{})
			m := c.mark()
			err := c.call("initialize", initializeParams(tc.options), nil)
			var rpcErr *jsonrpc2.Error
			if !errors.As(err, &rpcErr) {
				t.Fatalf("initialize = %v, want an error", err)
			}
			if rpcErr.Code != codeInvalidParams || !strings.Contains(rpcErr.Message, tc.want) ||
				!strings.HasPrefix(rpcErr.Message, "sigtermcheck-lsp: initializationOptions: ") {
				t.Errorf("error = %d %q, want %d containing %q", rpcErr.Code, rpcErr.Message, codeInvalidParams, tc.want)
			}
			if rpcErr.Data == nil || string(*rpcErr.Data) != `{"retry":false}` {
				t.Errorf("error data = %v, want {\"retry\":false}", rpcErr.Data)
			}
			raw, _ := c.waitFor(m, "window/showMessage", func(json.RawMessage) bool { return true })
			var msg ShowMessageParams
			if json.Unmarshal(raw, &msg); msg.Type != MessageError || msg.Message != rpcErr.Message {
				t.Errorf("showMessage = %+v, want the error %q", msg, rpcErr.Message)
			}
			// The server stays uninitialized; a corrected initialize works.
			c.initialize(map[string]any{"min-delay": "1s", "delay": "20s", "disable": map[string]any{}})
		})
	}
}

func TestDisableOption(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	dir := writeModule(t, map[string]string{"main.go": noSubscription})
	path := filepath.Join(dir, "main.go")
	c := startServer(t, Options{})
	c.initialize(map[string]any{"disable": "missing-sigterm"})
	m := c.mark()
	c.open(path)
	if diags, _ := c.diagnostics(m, pathToURI(path), "missing-sigterm"); len(diags) != 0 {
		t.Errorf("missing-sigterm is disabled but reported: %+v", diags)
	}
}

// TestManyPackages opens and saves files of several packages of a module
// in a burst: every file of every package is published, and the burst is
// analyzed in one load. Saves that arrive while an analysis runs wait for
// it and are then analyzed together.
func TestManyPackages(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	dir := writeModule(t, map[string]string{
		"cmd/a/main.go": noSubscription,
		"cmd/b/main.go": interruptOnly,
		"cmd/b/util.go": "package main\n\nfunc helper() {}\n",
		"cmd/c/main.go": interruptOnlyFixed,
		"lib/lib.go":    "package lib\n\nimport \"net/http\"\n\nfunc Serve() error { return http.ListenAndServe(\":80\", nil) }\n",
	})
	var (
		mu    sync.Mutex
		loads [][]string
		gate  chan struct{} // if non-nil, the next load waits for it
	)
	opts := Options{Debounce: 200 * time.Millisecond, onAnalyze: func(root string, files []string) {
		mu.Lock()
		loads = append(loads, files)
		g := gate
		gate = nil
		mu.Unlock()
		if g != nil {
			<-g
		}
	}}
	c := startServer(t, opts)
	c.initialize(nil)

	m := c.mark()
	paths := []string{"cmd/a/main.go", "cmd/b/main.go", "cmd/b/util.go", "cmd/c/main.go", "lib/lib.go"}
	for _, p := range paths {
		c.open(filepath.Join(dir, p))
	}
	for range 5 {
		for _, p := range paths {
			c.save(filepath.Join(dir, p))
		}
	}
	// Every file of every package is published, even one without
	// diagnostics (util.go), so that stale ones are cleared.
	want := map[string]int{"cmd/a/main.go": 1, "cmd/b/main.go": 1, "cmd/b/util.go": 0, "cmd/c/main.go": 0, "lib/lib.go": 0}
	for p, n := range want {
		if diags, _ := c.diagnostics(m, pathToURI(filepath.Join(dir, p)), "missing-sigterm"); len(diags) != n {
			t.Errorf("%s: got %d missing-sigterm diagnostics, want %d: %+v", p, len(diags), n, diags)
		}
	}
	mu.Lock()
	if len(loads) != 1 || len(loads[0]) != len(paths) {
		t.Errorf("a burst of %d notifications caused loads %v, want one load of the %d files", 6*len(paths), loads, len(paths))
	}
	loads = nil
	release := make(chan struct{})
	gate = release
	mu.Unlock()

	// Hold the next analysis while more saves arrive.
	a := pathToURI(filepath.Join(dir, "cmd/a/main.go"))
	m = c.mark()
	c.save(filepath.Join(dir, "cmd/a/main.go"))
	for deadline := time.Now().Add(wait); ; time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		n := len(loads)
		mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the save was not analyzed")
		}
	}
	for range 10 {
		c.save(filepath.Join(dir, "cmd/a/main.go"))
		c.save(filepath.Join(dir, "cmd/b/main.go"))
	}
	close(release)
	_, next := c.diagnostics(m, a, "missing-sigterm")
	c.diagnostics(next, a, "missing-sigterm")
	mu.Lock()
	defer mu.Unlock()
	if len(loads) != 2 || len(loads[1]) != 2 {
		t.Errorf("saves during an analysis caused loads %v, want one more load of 2 files", loads)
	}
}

// TestOddFiles opens files that belong to no package the checks look at
// (a test file, a file excluded by a build constraint, a file in no
// module, a file not on disk): the server reports nothing on them and keeps
// answering.
func TestOddFiles(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	dir := writeModule(t, map[string]string{
		"main.go":      noSubscription,
		"main_test.go": "package main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n",
		"ignored.go":   "//go:build ignore\n\npackage main\n\nimport \"net/http\"\n\nfunc main() { http.ListenAndServe(\":1\", nil) }\n",
		"notes.txt":    "not Go\n",
	})
	loose := filepath.Join(t.TempDir(), "loose.go") // in no module
	if err := os.WriteFile(loose, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startServer(t, Options{})
	c.initialize(nil)
	m := c.mark()
	for _, p := range []string{"main_test.go", "ignored.go", "notes.txt"} {
		c.open(filepath.Join(dir, p))
	}
	c.open(loose)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{
		URI: "untitled:Untitled-1", LanguageID: "go", Version: 1, Text: "package main\n",
	}})
	if diags, _ := c.diagnostics(m, pathToURI(loose), "missing-sigterm"); len(diags) != 0 {
		t.Errorf("loose.go: %+v, want none", diags)
	}
	var actions []CodeAction
	if err := c.call("textDocument/codeAction", CodeActionParams{
		TextDocument: TextDocumentIdentifier{URI: pathToURI(filepath.Join(dir, "ignored.go"))},
		Range:        Range{End: Position{6, 0}},
	}, &actions); err != nil || len(actions) != 0 {
		t.Errorf("codeAction in an ignored file = %+v, %v; want none", actions, err)
	}

	// The server still analyzes the package's real files.
	c.open(filepath.Join(dir, "main.go"))
	if diags, _ := c.diagnostics(m, pathToURI(filepath.Join(dir, "main.go")), "missing-sigterm"); len(diags) != 1 {
		t.Errorf("main.go: %+v, want one missing-sigterm diagnostic", diags)
	}
	if err := c.stop(); err != nil {
		t.Errorf("Serve = %v", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range c.notes {
		if n.method == "window/showMessage" ||
			n.method == "textDocument/publishDiagnostics" && !strings.Contains(string(n.params), "/main.go") && strings.Contains(string(n.params), "missing-sigterm") {
			t.Errorf("unexpected %s %s", n.method, n.params)
		}
	}
}
