// Package shut helps programs stop: its functions return signal contexts
// and channels, block until SIGTERM, sleep, exit and drain. Programs reach
// all of it through facts.
package shut

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Context is cancelled on SIGTERM.
func Context() (context.Context, context.CancelFunc) { // want Context:"returnsSignal\\(0:ctx\\)" Context:"subscribes\\(SIGTERM\\)"
	return signal.NotifyContext(context.Background(), syscall.SIGTERM)
}

// Channel relays SIGTERM.
func Channel() <-chan os.Signal { // want Channel:"returnsSignal\\(0:chan\\)" Channel:"subscribes\\(SIGTERM\\)"
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	return c
}

// Wait blocks until SIGTERM.
func Wait() { // want Wait:"waitsForSignal" Wait:"subscribes\\(SIGTERM\\)" Wait:"handles\\(signal:\\)"
	<-Channel()
}

// Pause waits for load balancers to notice.
func Pause() {
	time.Sleep(10 * time.Second)
}

// PauseFor waits for a configured time.
func PauseFor(d time.Duration) {
	<-time.After(d)
}

// Die ends the process.
func Die(code int) {
	os.Exit(code)
}

// Drain shuts srv down with a deadline.
func Drain(srv *http.Server) error { // want Drain:"drains"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}
