// Package unix is a stub of golang.org/x/sys/unix.
package unix

import "syscall"

type Signal = syscall.Signal

const (
	SIGINT  = Signal(0x2)
	SIGTERM = Signal(0xf)
	SIGHUP  = Signal(0x1)
)
