package rollout

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// maxRequestsPerClient bounds the loop of every client, whatever the
// durations: at the default interval it is hours of traffic.
const maxRequestsPerClient = 1 << 20

// errElsewhere is the error of a new connection after the window: the
// load balancers now send it to another pod, so the request is not
// counted.
var errElsewhere = errors.New("rollout: after the window, new connections go to other pods")

// traffic sends the requests of one rollout and counts what their clients
// see.
type traffic struct {
	cfg    *Config
	addr   netip.AddrPort
	exited <-chan struct{} // closed when the program has ended
	start  time.Time       // when traffic started, for monotonic phase times

	signaled atomic.Int64 // nanoseconds from start to SIGTERM, 0 before it
	stopping atomic.Bool  // no new requests once set

	ctx    context.Context // cancels the requests still pending when the harness stops
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu       sync.Mutex
	counts   [numPhases]Counts
	examples [numOutcomes]string // the first error of each outcome
}

// newTraffic returns the traffic of a rollout toward addr, served by a
// program whose end closes exited.
func newTraffic(cfg *Config, addr netip.AddrPort, exited <-chan struct{}) *traffic {
	ctx, cancel := context.WithCancel(context.Background())
	return &traffic{cfg: cfg, addr: addr, exited: exited, start: time.Now(), ctx: ctx, cancel: cancel}
}

// run starts the clients: those that open a new connection for each
// request, those that keep theirs alive, and those that upload slowly on
// kept-alive connections, one request after the other, so that some are
// always in flight.
func (t *traffic) run() {
	n := t.cfg.Clients
	for i := range n {
		t.goClient(t.freshClient, 0)
		t.goClient(t.keepAliveClient, 0)
		// Stagger the uploads so that they are at every stage when the
		// signal comes.
		t.goClient(t.slowClient, time.Duration(i)*t.cfg.SlowDuration/time.Duration(n))
	}
}

// goClient runs client in a goroutine after a pause.
func (t *traffic) goClient(client func(), pause time.Duration) {
	t.wg.Go(func() {
		if t.sleep(pause) {
			client()
		}
	})
}

// signal records that SIGTERM was sent now.
func (t *traffic) signal() {
	t.signaled.Store(int64(max(time.Since(t.start), 1)))
}

// phase returns the phase a request sent now belongs to.
func (t *traffic) phase() Phase {
	sig := time.Duration(t.signaled.Load())
	switch now := time.Since(t.start); {
	case sig == 0 || now < sig:
		return Before
	case now < sig+t.cfg.Window:
		return Window
	}
	return After
}

// stop lets every client finish the request it is sending, waiting at
// most wait, then cancels those still pending (counted as timeouts). It
// returns the counts and the first error of each outcome.
func (t *traffic) stop(wait time.Duration) ([numPhases]Counts, [numOutcomes]string) {
	t.stopping.Store(true)
	done := make(chan struct{})
	go func() {
		t.wg.Wait()
		close(done)
	}()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		t.cancel()
		<-done // every request now returns at once
	}
	t.cancel()
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.counts, t.examples
}

// sleep pauses for d, and reports whether the client should go on.
func (t *traffic) sleep(d time.Duration) bool {
	if d > 0 && !pauseCtx(t.ctx, d) {
		return false
	}
	return !t.stopping.Load()
}

// freshClient sends requests on a new connection each, as load balancers
// route them, until the window ends.
func (t *traffic) freshClient() {
	c := t.client(&http.Transport{DisableKeepAlives: true, DialContext: t.dial})
	for range maxRequestsPerClient {
		if t.phase() == After || !t.sendGET(c) || !t.sleep(t.cfg.Interval) {
			return
		}
	}
}

// keepAliveClient sends requests on one kept-alive connection. In the
// window a closed connection is replaced; after it, the client's
// requests go elsewhere.
func (t *traffic) keepAliveClient() {
	tr := t.keepAliveTransport()
	defer tr.CloseIdleConnections()
	c := t.client(tr)
	for range maxRequestsPerClient {
		if !t.sendGET(c) || !t.sleep(t.cfg.Interval) {
			return
		}
	}
}

// slowClient uploads request bodies slowly, one after the other, on one
// kept-alive connection. net/http reads what is left of a small or
// chunked body before it writes the response, so each request is in
// flight on the server for the whole upload, whatever the handler does.
//
// It speaks HTTP/1.1 itself, so as to stay out of HTTP/1.1's keep-alive
// race, which no program can avoid: a server may close a kept-alive
// connection, idle in its eyes, just as a request is sent on it, and the
// client cannot know whether the request was processed (a POST is not
// retried). A draining net/http server does that right after a response
// it prepared before Shutdown began (it settles keep-alive before it
// reads the rest of the body), so the client watches the connection for
// closeWait after each response; and Shutdown closes the connections
// idle at its start, so an upload that fails in its first half on a
// reused connection, while the program lives on, is sent again as a new
// request.
func (t *traffic) slowClient() {
	var conn net.Conn
	var br *bufio.Reader
	reused := false // whether conn carried an upload already
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	for range maxRequestsPerClient {
		phase := t.phase()
		if conn == nil {
			c, err := t.dial(t.ctx, "tcp", t.addr.String())
			if errors.Is(err, errElsewhere) {
				return
			}
			if err != nil {
				t.record(phase, classify(err), err)
				if !t.sleep(t.cfg.Interval) {
					return
				}
				continue
			}
			conn, br, reused = c, bufio.NewReader(c), false
		}
		res := t.upload(conn, br)
		if res.keep && closedByPeer(conn, br, closeWait) {
			res.keep = false
		}
		if !res.keep {
			conn.Close()
			conn = nil
		}
		if reused && res.early && res.outcome != OK && t.stillRunning() {
			// A live server closed the kept-alive connection as the
			// upload began, before reading it: the keep-alive race
			// again, as Shutdown closes the connections idle at its
			// start. Send the upload anew, on a new connection if load
			// balancers still route here.
			continue
		}
		t.record(phase, res.outcome, res.err)
		reused = true
		if !t.sleep(0) {
			return
		}
	}
}

// An uploadResult is what came of a slow upload.
type uploadResult struct {
	outcome Outcome
	err     error
	keep    bool // whether the connection can carry another request
	early   bool // whether it failed in its first half
}

// upload sends one slow request on conn and reads its response.
func (t *traffic) upload(conn net.Conn, br *bufio.Reader) uploadResult {
	conn.SetDeadline(time.Now().Add(t.cfg.RequestTimeout))
	defer conn.SetDeadline(time.Time{})
	stop := context.AfterFunc(t.ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()

	_, err := fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: %s\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n", t.cfg.Path, t.addr)
	chunks := 0 // sent
	for err == nil && chunks < slowChunks {
		if chunks > 0 && !pauseCtx(t.ctx, t.cfg.SlowDuration/slowChunks) {
			return uploadResult{outcome: Timeout, err: t.ctx.Err()}
		}
		if _, err = fmt.Fprintf(conn, "%x\r\n%s\r\n", len(slowChunk), slowChunk); err == nil {
			chunks++
		}
	}
	if err == nil {
		_, err = io.WriteString(conn, "0\r\n\r\n")
	}
	if err != nil {
		return uploadResult{outcome: classify(err), err: err, early: chunks < slowChunks/2}
	}
	resp, err := http.ReadResponse(br, &http.Request{Method: http.MethodPost})
	if err != nil {
		return uploadResult{outcome: classify(err), err: err}
	}
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody))
	resp.Body.Close()
	switch {
	case err != nil:
		return uploadResult{outcome: classify(err), err: err}
	case resp.StatusCode >= 500:
		return uploadResult{outcome: Status5xx, err: errors.New(resp.Status), keep: !resp.Close}
	}
	return uploadResult{outcome: OK, keep: !resp.Close}
}

// slowChunks is the number of chunks of a slow upload, and slowChunk
// each chunk.
const (
	slowChunks = 10
	slowChunk  = "slow upload\n"
)

// raceCheck is how long a program that cut an upload as it began may take
// to exit, if its end is what cut it.
const raceCheck = 50 * time.Millisecond

// stillRunning reports whether the program still runs raceCheck from now.
func (t *traffic) stillRunning() bool {
	timer := time.NewTimer(raceCheck)
	defer timer.Stop()
	select {
	case <-t.exited:
		return false
	case <-timer.C:
		return true
	}
}

// closeWait is how long a slow client waits after a response to see
// whether the server closes the connection: far longer than the server
// takes to close it after the response, even on a busy machine.
const closeWait = 50 * time.Millisecond

// closedByPeer reports whether the server closes conn within wait, or
// sent something unasked on it: either way it carries no further
// request.
func closedByPeer(conn net.Conn, br *bufio.Reader, wait time.Duration) bool {
	if br.Buffered() > 0 {
		return true
	}
	conn.SetReadDeadline(time.Now().Add(wait))
	defer conn.SetReadDeadline(time.Time{})
	_, err := br.Peek(1)
	return !errors.Is(err, os.ErrDeadlineExceeded)
}

// pauseCtx pauses for d, and reports whether ctx was still live then.
func pauseCtx(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// sendGET sends one GET request and records its outcome. It reports
// whether the client should go on.
func (t *traffic) sendGET(c *http.Client) bool {
	req, err := http.NewRequest(http.MethodGet, t.url(), nil)
	if err != nil {
		panic(err) // the URL is ours
	}
	_, counted := t.do(c, req)
	return counted
}

// client returns an HTTP client over tr that does not follow redirects:
// a redirect is an answer.
func (t *traffic) client(tr *http.Transport) *http.Client {
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// keepAliveTransport returns a transport that keeps one connection.
func (t *traffic) keepAliveTransport() *http.Transport {
	return &http.Transport{
		DialContext:         t.dial,
		MaxConnsPerHost:     1,
		MaxIdleConnsPerHost: 1,
	}
}

// dial opens a connection to the program, whatever address the request
// names, until the window ends.
func (t *traffic) dial(ctx context.Context, _, _ string) (net.Conn, error) {
	if t.phase() == After {
		return nil, errElsewhere
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", t.addr.String())
}

// url returns the URL of the requests.
func (t *traffic) url() string {
	return "http://" + t.addr.String() + t.cfg.Path
}

// maxBody bounds how much of a response body is read.
const maxBody = 1 << 20

// do sends req, records its outcome in the phase it was sent in, and
// returns it, and whether it counts: a request that the load balancers
// would send to another pod does not.
func (t *traffic) do(c *http.Client, req *http.Request) (Outcome, bool) {
	phase := t.phase()
	ctx, cancel := context.WithTimeout(t.ctx, t.cfg.RequestTimeout)
	defer cancel()
	resp, err := c.Do(req.WithContext(ctx))
	if err == nil {
		_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
	}
	if errors.Is(err, errElsewhere) {
		return 0, false
	}
	o := classify(err)
	if err == nil && resp.StatusCode >= 500 {
		o, err = Status5xx, errors.New(resp.Status)
	}
	t.record(phase, o, err)
	return o, true
}

// classify returns the outcome of a request that ended with err.
func classify(err error) Outcome {
	var netErr net.Error
	switch {
	case err == nil:
		return OK
	case errors.Is(err, syscall.ECONNREFUSED):
		return Refused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return Reset
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed),
		strings.Contains(err.Error(), "server closed idle connection"):
		return Cut
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		errors.As(err, &netErr) && netErr.Timeout():
		return Timeout
	}
	return Failed
}

// record counts one request, which ended with err.
func (t *traffic) record(p Phase, o Outcome, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.counts[p][o]++
	if err != nil && t.examples[o] == "" {
		t.examples[o] = err.Error()
	}
}
