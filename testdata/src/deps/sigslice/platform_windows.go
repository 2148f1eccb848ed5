//go:build windows

package sigslice

import "os"

var Platform = []os.Signal{os.Interrupt}
