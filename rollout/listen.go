package rollout

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// loopbackAddr returns the loopback address to send requests to for addr,
// as Config.Addr gives it: a host that is a loopback IP, "localhost" or
// empty (127.0.0.1), and a port. Any other host is an error: the harness
// never sends anything beyond the loopback interface.
func loopbackAddr(addr string) (netip.AddrPort, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("address %q: %v", addr, err)
	}
	n, err := strconv.ParseUint(port, 10, 16)
	if err != nil || n == 0 {
		return netip.AddrPort{}, fmt.Errorf("address %q: the port must be a number from 1 to 65535", addr)
	}
	ip := netip.AddrFrom4([4]byte{127, 0, 0, 1})
	if host != "" && host != "localhost" {
		ip, err = netip.ParseAddr(host)
		if err != nil || !ip.Unmap().IsLoopback() {
			return netip.AddrPort{}, fmt.Errorf("address %q: not a loopback address: the harness only sends requests to 127.0.0.0/8 and ::1", addr)
		}
	}
	return netip.AddrPortFrom(ip.Unmap(), uint16(n)), nil
}

// A listener is a listening TCP socket found in /proc.
type listener struct {
	local netip.AddrPort // the address it is bound to
}

// dialAddr returns the loopback address at which l accepts connections,
// and whether there is one: a listener bound to one non-loopback address
// is out of bounds.
func (l listener) dialAddr() (netip.AddrPort, bool) {
	ip := l.local.Addr().Unmap()
	switch {
	case ip.IsLoopback():
		return netip.AddrPortFrom(ip, l.local.Port()), true
	case ip.IsUnspecified():
		// Go listens on [::] dual-stack for ":8080": IPv4 works for both.
		return netip.AddrPortFrom(netip.AddrFrom4([4]byte{127, 0, 0, 1}), l.local.Port()), true
	}
	return netip.AddrPort{}, false
}

// accepts reports whether l accepts connections to the loopback address
// addr.
func (l listener) accepts(addr netip.AddrPort) bool {
	ip := l.local.Addr().Unmap()
	return l.local.Port() == addr.Port() && (ip.IsUnspecified() || ip == addr.Addr())
}

// canDiscover reports whether this system lets the harness find the
// sockets a process listens on.
func canDiscover() bool {
	_, err := os.Stat("/proc/self/net/tcp")
	return err == nil
}

// listeners returns the TCP sockets on which process pid listens, from
// the socket inodes of its file descriptors and its network namespace's
// /proc/<pid>/net/tcp and tcp6 tables.
func listeners(pid int) ([]listener, error) {
	inodes, err := socketInodes(pid)
	if err != nil || len(inodes) == 0 {
		return nil, err
	}
	var ls []listener
	for _, table := range []string{"tcp", "tcp6"} {
		f, err := os.Open(fmt.Sprintf("/proc/%d/net/%s", pid, table))
		if os.IsNotExist(err) && table == "tcp6" {
			continue // no IPv6
		}
		if err != nil {
			return nil, err
		}
		found, err := parseTCPTable(f, inodes)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("/proc/%d/net/%s: %v", pid, table, err)
		}
		ls = append(ls, found...)
	}
	return ls, nil
}

// socketInodes returns the inodes of the sockets that process pid has
// open.
func socketInodes(pid int) (map[string]bool, error) {
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	inodes := make(map[string]bool)
	for _, e := range entries {
		target, err := os.Readlink(filepath.Join(dir, e.Name()))
		if err != nil {
			continue // closed meanwhile
		}
		if inode, ok := strings.CutPrefix(target, "socket:["); ok {
			inodes[strings.TrimSuffix(inode, "]")] = true
		}
	}
	return inodes, nil
}

// tcpListen is the state of a listening socket in /proc/net/tcp.
const tcpListen = "0A"

// parseTCPTable returns the listening sockets of a /proc/net/tcp or tcp6
// table whose inodes are in inodes.
func parseTCPTable(r io.Reader, inodes map[string]bool) ([]listener, error) {
	var ls []listener
	sc := bufio.NewScanner(r)
	for first := true; sc.Scan(); first = false {
		fields := strings.Fields(sc.Text())
		if first {
			continue // the header
		}
		if len(fields) < 10 {
			return nil, fmt.Errorf("short line %q", sc.Text())
		}
		if fields[3] != tcpListen || !inodes[fields[9]] {
			continue
		}
		local, err := parseHexAddr(fields[1])
		if err != nil {
			return nil, err
		}
		ls = append(ls, listener{local})
	}
	return ls, sc.Err()
}

// parseHexAddr parses an address of /proc/net/tcp: the IP as 32-bit words
// printed as numbers in the host's byte order, then the port, in hex.
func parseHexAddr(s string) (netip.AddrPort, error) {
	ipHex, portHex, ok := strings.Cut(s, ":")
	if !ok {
		return netip.AddrPort{}, fmt.Errorf("bad address %q", s)
	}
	raw, err := hex.DecodeString(ipHex)
	if err != nil || (len(raw) != 4 && len(raw) != 16) {
		return netip.AddrPort{}, fmt.Errorf("bad address %q", s)
	}
	for w := 0; w < len(raw); w += 4 {
		// The word's bytes as they are in memory: the IP's bytes in order.
		binary.NativeEndian.PutUint32(raw[w:], binary.BigEndian.Uint32(raw[w:]))
	}
	port, err := strconv.ParseUint(portHex, 16, 16)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("bad port in %q", s)
	}
	ip, _ := netip.AddrFromSlice(raw)
	return netip.AddrPortFrom(ip, uint16(port)), nil
}

// dialable reports whether a connection to addr succeeds: how the harness
// sees that the program listens where /proc is not available.
func dialable(addr netip.AddrPort) bool {
	c, err := net.DialTimeout("tcp", addr.String(), pollEvery)
	if err != nil {
		return false
	}
	c.Close()
	return true
}
