package rollout

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]string{
		":8080":                "127.0.0.1:8080",
		"localhost:80":         "127.0.0.1:80",
		"127.0.0.1:8080":       "127.0.0.1:8080",
		"127.0.0.2:8080":       "127.0.0.2:8080",
		"[::1]:8080":           "[::1]:8080",
		"[::ffff:127.0.0.1]:1": "127.0.0.1:1",
		"10.0.0.1:8080":        "error: not a loopback address",
		"0.0.0.0:8080":         "error: not a loopback address",
		"example.com:80":       "error: not a loopback address",
		":0":                   "error: the port must be a number",
		":http":                "error: the port must be a number",
		"8080":                 "error: missing port",
	} {
		got, err := loopbackAddr(addr)
		if err != nil {
			if !strings.HasPrefix(want, "error: ") || !strings.Contains(err.Error(), strings.TrimPrefix(want, "error: ")) {
				t.Errorf("loopbackAddr(%q): %v, want %s", addr, err, want)
			}
			continue
		}
		if got.String() != want {
			t.Errorf("loopbackAddr(%q) = %v, want %s", addr, got, want)
		}
	}
}

// A /proc/net/tcp and tcp6 of a little-endian machine: a process with the
// sockets 1001 to 1004 listens on 127.0.0.1:8080, 0.0.0.0:9090, [::]:8443
// and [::1]:7070, has a connection (1005), and another process listens
// on 10.1.2.3:6060 (2001) and on 192.168.0.1:5050 (1006, ours).
const (
	procTCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1 0000000000000000 100 0 0 10 0
   1: 00000000:2382 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1002 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 1005 1 0000000000000000 20 4 30 10 -1
   3: 0302010A:17AC 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2001 1 0000000000000000 100 0 0 10 0
   4: 0100A8C0:13BA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1006 1 0000000000000000 100 0 0 10 0
`
	procTCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:20FB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1003 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:1B9E 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1004 1 0000000000000000 100 0 0 10 0
`
)

func TestParseTCPTable(t *testing.T) {
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		t.Skip("the sample tables are those of a little-endian machine")
	}
	ours := map[string]bool{"1001": true, "1002": true, "1003": true, "1004": true, "1005": true, "1006": true}
	var got []string
	for _, table := range []string{procTCP, procTCP6} {
		ls, err := parseTCPTable(strings.NewReader(table), ours)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			a, ok := l.dialAddr()
			got = append(got, fmt.Sprintf("%v->%v,%v", l.local, a, ok))
		}
	}
	want := []string{
		"127.0.0.1:8080->127.0.0.1:8080,true",
		"0.0.0.0:9090->127.0.0.1:9090,true",
		"192.168.0.1:5050->invalid AddrPort,false",
		"[::]:8443->127.0.0.1:8443,true",
		"[::1]:7070->[::1]:7070,true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("listeners:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := parseTCPTable(strings.NewReader("header\n 0: 0100007F:1F90\n"), ours); err == nil {
		t.Error("a short line is not an error")
	}
}

// TestListeners finds a listener of this very process in /proc.
func TestListeners(t *testing.T) {
	if !canDiscover() {
		t.Skip("no /proc/self/net/tcp")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	want := netip.MustParseAddrPort(l.Addr().String())
	ls, err := listeners(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		if a, ok := l.dialAddr(); ok && a == want {
			return
		}
	}
	t.Errorf("listeners(self) = %v, lacks %v", ls, want)
}

func TestClassify(t *testing.T) {
	opErr := func(op string, errno syscall.Errno) error {
		return &url.Error{Op: "Get", URL: "http://127.0.0.1:1/", Err: &net.OpError{Op: op, Net: "tcp", Err: os.NewSyscallError(op, errno)}}
	}
	for _, c := range []struct {
		err  error
		want Outcome
	}{
		{nil, OK},
		{opErr("dial", syscall.ECONNREFUSED), Refused},
		{opErr("read", syscall.ECONNRESET), Reset},
		{opErr("write", syscall.EPIPE), Reset},
		{&url.Error{Op: "Get", URL: "/", Err: io.EOF}, Cut},
		{fmt.Errorf("net/http: HTTP/1.x transport connection broken: %w", io.ErrUnexpectedEOF), Cut},
		{&net.OpError{Op: "write", Err: net.ErrClosed}, Cut},
		{errors.New("http: server closed idle connection"), Cut},
		{&url.Error{Op: "Get", URL: "/", Err: context.DeadlineExceeded}, Timeout},
		{&net.OpError{Op: "read", Err: os.ErrDeadlineExceeded}, Timeout},
		{errors.New(`malformed HTTP response "SSH-2.0"`), Failed},
	} {
		if got := classify(c.err); got != c.want {
			t.Errorf("classify(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

func TestReportString(t *testing.T) {
	r := &Report{
		Addr:        "127.0.0.1:8080",
		Window:      5 * time.Second,
		GracePeriod: 30 * time.Second,
		ExitStatus:  "signal: terminated",
		ExitCode:    -1,
		TimeToExit:  1234 * time.Microsecond,
	}
	r.Phases[Before][OK] = 812
	r.Phases[Before][Reset] = 4
	r.Phases[Window][Refused] = 2409
	r.Phases[Window][Status5xx] = 3
	want := `requests to 127.0.0.1:8080       ok  refused    reset      cut      5xx
sent before SIGTERM             812        0        4        0        0
sent in the 5s window             0     2409        0        0        3
sent after the window             0        0        0        0        0
exit: signal: terminated, 1ms after SIGTERM (grace period 30s)
dropped: 2416 of 3228 requests
`
	if got := r.String(); got != want {
		t.Errorf("String() =\n%s\nwant:\n%s", got, want)
	}
	if r.Dropped() != 2416 || r.Total() != 3228 {
		t.Errorf("Dropped, Total = %d, %d; want 2416, 3228", r.Dropped(), r.Total())
	}

	r = &Report{Addr: "[::1]:80", Window: time.Second, GracePeriod: 3 * time.Second, ExitStatus: "signal: killed", Killed: true, TimeToExit: 3 * time.Second}
	r.Phases[After][OK] = 5
	if got := r.String(); !strings.Contains(got, "exit: signal: killed, 3s after SIGTERM (SIGKILL at the end of the 3s grace period)\ndropped: none of 5 requests\n") {
		t.Errorf("String() =\n%s", got)
	}
}

func TestAccepts(t *testing.T) {
	for _, c := range []struct {
		local, addr string
		want        bool
	}{
		{"127.0.0.1:8080", "127.0.0.1:8080", true},
		{"0.0.0.0:8080", "127.0.0.1:8080", true},
		{"[::]:8080", "127.0.0.1:8080", true},
		{"[::]:8080", "[::1]:8080", true},
		{"[::1]:8080", "127.0.0.1:8080", false},
		{"127.0.0.1:8080", "127.0.0.1:9090", false},
		{"10.0.0.1:8080", "127.0.0.1:8080", false},
	} {
		l := listener{netip.MustParseAddrPort(c.local)}
		if got := l.accepts(netip.MustParseAddrPort(c.addr)); got != c.want {
			t.Errorf("listener on %s accepts %s: %v, want %v", c.local, c.addr, got, c.want)
		}
	}
}
