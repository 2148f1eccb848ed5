package siginit // want package:"subscribes\\(SIGTERM\\)"

// siginit subscribes to SIGTERM in its initialization, so every program
// importing it handles SIGTERM.

import (
	"os"
	"os/signal"
	"syscall"
)

var Stop = make(chan os.Signal, 1)

func init() {
	signal.Notify(Stop, syscall.SIGTERM)
}
