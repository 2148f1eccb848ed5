// Package lsp implements sigtermcheck-lsp, a language server that runs the
// sigtermcheck analyzer on the packages of the Go files an editor opens or
// saves, publishes its diagnostics and offers its suggested fixes as quick
// fixes.
//
// gopls cannot load third-party analyzers, so editors run this server beside
// gopls. It analyzes on open and on save only (it does not follow unsaved
// edits), loading each package with golang.org/x/tools/go/packages and
// running the analyzer with golang.org/x/tools/go/analysis/checker, which
// computes the analyzer's facts for every dependency.
//
// The JSON-RPC 2.0 layer is github.com/sourcegraph/jsonrpc2 with the LSP
// base-protocol framing (Content-Length headers); protocol.go declares the
// few LSP types the server speaks.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/analysis"
)

// Options configure a server.
type Options struct {
	// Debounce is how long the server waits after the last didOpen or
	// didSave before analyzing, so that a burst of saves (:wa) is
	// analyzed once. Zero means DefaultDebounce.
	Debounce time.Duration

	// Log receives the server's log: timings, load and analysis errors.
	// Nil sends it to the client as window/logMessage notifications of
	// type Log, which editors keep in their LSP log as information.
	// (Editors also log what a server writes on standard error, but as
	// errors: Neovim's lsp.log would show every timing line as an ERROR.)
	Log *log.Logger

	// Env is the environment of the go command run to load packages;
	// nil means the server's own environment.
	Env []string

	// Version is reported to the client in serverInfo.
	Version string

	// onAnalyze, if set (by tests), is called before each load with the
	// directory it runs in and the files queued for it.
	onAnalyze func(root string, files []string)
}

// DefaultDebounce is the debounce delay used when Options.Debounce is 0.
const DefaultDebounce = 150 * time.Millisecond

// Errors returned by Serve when the session did not end as the protocol
// asks; the command exits with status 1 on them.
var (
	ErrExitWithoutShutdown = errors.New("exit notification received before shutdown")
	ErrDisconnected        = errors.New("connection closed before the exit notification")
)

// Lifecycle states of a server.
const (
	stateNew = iota
	stateRunning
	stateShutdown
)

type server struct {
	opts  Options
	log   *log.Logger
	conn  *jsonrpc2.Conn
	ready chan struct{} // closed once conn is set

	mu        sync.Mutex
	state     int
	analyzer  *analysis.Analyzer
	open      map[string]string          // path of an open document -> the URI the client uses
	results   map[string][]result        // path -> diagnostics published for it, with their fixes
	published map[string]map[string]bool // package ID -> paths published for it
	shown     map[string]string          // package ID or load root -> last message shown about it
	firstOpen time.Time                  // when the first document was opened
	firstDone bool                       // whether diagnostics were published since

	queue    *queue
	exit     chan struct{}
	exitOnce sync.Once
}

// A result is one published diagnostic and the code actions fixing it.
type result struct {
	diag    Diagnostic
	actions []CodeAction
}

// Serve runs a language server on rwc until the client sends exit, the
// connection closes or ctx is done. It returns nil after a shutdown request
// followed by exit, as the protocol asks.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) error {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	s := &server{
		opts:      opts,
		log:       opts.Log,
		open:      make(map[string]string),
		results:   make(map[string][]result),
		published: make(map[string]map[string]bool),
		shown:     make(map[string]string),
		queue:     newQueue(),
		exit:      make(chan struct{}),
		ready:     make(chan struct{}),
	}
	// The connection's own log holds only its failures (a malformed
	// message, a write to a closed pipe); it cannot go through the
	// connection.
	connLog := s.log
	if s.log == nil {
		s.log = log.New(clientLog{s}, "", 0)
		connLog = log.New(os.Stderr, "sigtermcheck-lsp: ", log.LstdFlags)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(s.handle), jsonrpc2.SetLogger(connLog))
	close(s.ready) // handle can run before NewConn returns; it waits for s.conn

	var wg sync.WaitGroup
	wg.Go(func() { s.work(ctx) })

	var err error
	select {
	case <-s.exit:
		s.mu.Lock()
		if s.state != stateShutdown {
			err = ErrExitWithoutShutdown
		}
		s.mu.Unlock()
	case <-s.conn.DisconnectNotify():
		err = ErrDisconnected
	case <-ctx.Done():
		err = ctx.Err()
	}
	cancel()
	s.conn.Close()
	wg.Wait() // an analysis under way stops at its next step
	return err
}

// handle answers one request or notification. The connection calls it
// for one message at a time, in the order received; analysis runs in its
// own goroutine, so no handler blocks.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	<-s.ready
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()

	switch req.Method {
	case "exit":
		s.exitOnce.Do(func() { close(s.exit) })
		return nil, nil
	case "initialize":
		if state != stateNew {
			return nil, &jsonrpc2.Error{Code: codeInvalidRequest, Message: "initialize: the server is already initialized"}
		}
		return s.initialize(ctx, req)
	}
	switch state {
	case stateNew:
		if req.Notif {
			return nil, nil // the protocol says to drop notifications before initialize
		}
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: req.Method + ": the server is not initialized"}
	case stateShutdown:
		if req.Notif {
			return nil, nil
		}
		return nil, &jsonrpc2.Error{Code: codeInvalidRequest, Message: req.Method + ": the server is shutting down"}
	}

	switch req.Method {
	case "initialized":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.state = stateShutdown
		s.mu.Unlock()
		return nil, nil
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		s.touch(p.TextDocument.URI, true)
		return nil, nil
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		s.touch(p.TextDocument.URI, false)
		return nil, nil
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		s.mu.Lock()
		delete(s.open, uriToPath(p.TextDocument.URI))
		s.mu.Unlock()
		return nil, nil
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	if req.Notif {
		return nil, nil // didChange, $/cancelRequest, workspace/didChangeConfiguration, ...
	}
	return nil, &jsonrpc2.Error{Code: codeMethodNotFound, Message: req.Method + ": method not supported by sigtermcheck-lsp"}
}

func unmarshalParams(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: codeInvalidParams, Message: req.Method + ": missing params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: codeInvalidParams, Message: fmt.Sprintf("%s: %v", req.Method, err)}
	}
	return nil
}

// initialize configures the analyzer from the initializationOptions. A
// bad option fails the request with an error naming it (and shows it, for
// clients that only log failed requests); the client may then retry with
// fixed options.
func (s *server) initialize(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	var p InitializeParams
	if req.Params != nil {
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			return nil, &jsonrpc2.Error{Code: codeInvalidParams, Message: "initialize: " + err.Error()}
		}
	}
	a, err := parseOptions(p.InitializationOptions)
	if err != nil {
		msg := "sigtermcheck-lsp: " + err.Error()
		s.log.Printf("initialize: %v", err)
		s.notify(ctx, "window/showMessage", ShowMessageParams{Type: MessageError, Message: msg})
		e := &jsonrpc2.Error{Code: codeInvalidParams, Message: msg}
		e.SetError(InitializeError{Retry: false})
		return nil, e
	}
	client := "unknown client"
	if p.ClientInfo != nil {
		client = strings.TrimSpace(p.ClientInfo.Name + " " + p.ClientInfo.Version)
	}
	s.log.Printf("initialize from %s (root %s)", client, p.RootURI)

	s.mu.Lock()
	s.analyzer = guard(a, s.log)
	s.state = stateRunning
	s.mu.Unlock()
	return InitializeResult{
		Capabilities: ServerCapabilities{
			PositionEncoding: "utf-16",
			// Open, close and save only: the server analyzes what is
			// on disk, so it does not want unsaved changes.
			TextDocumentSync:   TextDocumentSyncOptions{OpenClose: true, Change: SyncNone, Save: SaveOptions{IncludeText: false}},
			CodeActionProvider: CodeActionOptions{CodeActionKinds: []string{CodeActionKindQuickFix}},
		},
		ServerInfo: ServerInfo{Name: "sigtermcheck-lsp", Version: s.opts.Version},
	}, nil
}

// touch queues the package of an opened or saved document for analysis.
func (s *server) touch(uri string, opened bool) {
	path := uriToPath(uri)
	if path == "" || !strings.HasSuffix(path, ".go") {
		return // not a Go file on disk
	}
	s.mu.Lock()
	s.open[path] = uri
	if opened && s.firstOpen.IsZero() {
		s.firstOpen = time.Now()
	}
	s.mu.Unlock()
	s.queue.add(path)
}

// clientLog is the server's log when Options.Log is nil: each line is a
// window/logMessage notification of type Log.
type clientLog struct{ s *server }

func (w clientLog) Write(p []byte) (int, error) {
	<-w.s.ready
	msg := ShowMessageParams{Type: MessageLog, Message: strings.TrimSuffix(string(p), "\n")}
	// A failure to send is not logged: that would send again.
	_ = w.s.conn.Notify(context.Background(), "window/logMessage", msg)
	return len(p), nil
}

// notify sends a notification, logging a failure (the client may be
// gone).
func (s *server) notify(ctx context.Context, method string, params any) {
	if err := s.conn.Notify(ctx, method, params); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.log.Printf("sending %s: %v", method, err)
	}
}

// codeActions returns the quick fixes of the diagnostics of a document
// that the requested range touches. When the client names the
// diagnostics it wants fixed, only fixes of those (matched by code and
// message: clients do not all echo ranges back exactly) are returned.
func (s *server) codeActions(p CodeActionParams) []CodeAction {
	actions := []CodeAction{}
	if len(p.Context.Only) > 0 && !wantsKind(p.Context.Only, CodeActionKindQuickFix) {
		return actions
	}
	var wanted []Diagnostic
	for _, d := range p.Context.Diagnostics {
		if d.Source == source {
			wanted = append(wanted, d)
		}
	}
	s.mu.Lock()
	results := s.results[uriToPath(p.TextDocument.URI)]
	s.mu.Unlock()
	for _, r := range results {
		if !overlaps(r.diag.Range, p.Range) {
			continue
		}
		if len(wanted) > 0 && !containsDiagnostic(wanted, r.diag) {
			continue
		}
		actions = append(actions, r.actions...)
	}
	return actions
}

// wantsKind reports whether a code action kind is among the requested
// ones (kinds are hierarchical: "" and "quickfix" both ask for
// "quickfix").
func wantsKind(only []string, kind string) bool {
	for _, k := range only {
		if k == "" || k == kind || strings.HasPrefix(kind, k+".") {
			return true
		}
	}
	return false
}

func containsDiagnostic(list []Diagnostic, d Diagnostic) bool {
	for _, x := range list {
		if x.Code == d.Code && x.Message == d.Message {
			return true
		}
	}
	return false
}

// overlaps reports whether two ranges share a position; touching ends
// count, so that a cursor right after a diagnostic still finds it.
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q Position) bool {
	return p.Line < q.Line || (p.Line == q.Line && p.Character < q.Character)
}

// A queue holds the files waiting to be analyzed.
type queue struct {
	mu    sync.Mutex
	files map[string]bool
	wake  chan struct{}
}

func newQueue() *queue {
	return &queue{files: make(map[string]bool), wake: make(chan struct{}, 1)}
}

func (q *queue) add(paths ...string) {
	q.mu.Lock()
	for _, p := range paths {
		q.files[p] = true
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default: // already signalled
	}
}

func (q *queue) take() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	files := make([]string, 0, len(q.files))
	for f := range q.files {
		files = append(files, f)
	}
	clear(q.files)
	return files
}

// work is the one goroutine that analyzes, so analyses never overlap: it
// waits until files are queued and no new one has come for the debounce
// delay (or, under a steady stream of saves, for at most ten delays), then
// analyzes everything queued at once.
func (s *server) work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.queue.wake:
		}
		deadline := time.Now().Add(10 * s.opts.Debounce)
		timer := time.NewTimer(s.opts.Debounce)
	debounce:
		for {
			select {
			case <-ctx.Done():
				timer.Stop()
				return
			case <-s.queue.wake:
				if time.Now().Before(deadline) {
					timer.Reset(min(s.opts.Debounce, time.Until(deadline)))
				}
			case <-timer.C:
				break debounce
			}
		}
		if files := s.queue.take(); len(files) > 0 {
			s.analyze(ctx, files)
		}
	}
}
