// Package sigslice exports signal lists for programs to spread into
// signal.Notify.
package sigslice

import (
	"os"
	"syscall"
)

var Shutdown = []os.Signal{os.Interrupt, syscall.SIGTERM} // want Shutdown:"signals\\(SIGTERM,SIGINT\\)"

var Interactive = []os.Signal{os.Interrupt} // want Interactive:"signals\\(SIGINT\\)"

var Term os.Signal = syscall.SIGTERM // want Term:"signals\\(SIGTERM\\)"
