package lib

import (
	"os"
	"os/signal"
	"syscall"
)

// CatchSignals waits for SIGTERM, runs the cleanup callback, then exits.
func CatchSignals(callback func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	callback()
	os.Exit(0)
}
