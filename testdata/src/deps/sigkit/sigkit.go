// Package sigkit subscribes to signals on behalf of programs.
package sigkit

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Context returns a context cancelled on SIGTERM or SIGINT.
func Context() (context.Context, context.CancelFunc) { // want Context:"subscribes\\(SIGTERM,SIGINT\\)" Context:"returnsSignal\\(0:ctx\\)"
	return signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
}

// InterruptOnly subscribes to Ctrl-C only.
func InterruptOnly() <-chan os.Signal { // want InterruptOnly:"subscribes\\(SIGINT\\)" InterruptOnly:"returnsSignal\\(0:chan\\)"
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	return c
}

type Watcher struct{ c chan os.Signal }

// Watch subscribes through a method.
func (w *Watcher) Watch() { // want Watch:"subscribes\\(SIGTERM\\)"
	w.c = make(chan os.Signal, 1)
	signal.Notify(w.c, syscall.SIGTERM)
}
