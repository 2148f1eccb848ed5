//go:build unix

package sigslice

import (
	"os"
	"syscall"
)

// Platform is chosen by build tags, as many programs do.
var Platform = []os.Signal{os.Interrupt, syscall.SIGTERM} // want Platform:"signals\\(SIGTERM,SIGINT\\)"
