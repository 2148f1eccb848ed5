// Package fedparam has a function that waits on its context parameter,
// which the package's own Main gives a signal context: to other callers
// it is still a function that waits on what they give it.
package fedparam

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

// Run serves until ctx is done, then drains at once.
func Run(ctx context.Context, srv *http.Server) error { // want Run:"startsServer" Run:"drains" Run:"handles\\(param 0: drain\\)"
	go srv.ListenAndServe()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// Main runs Run on a signal context of its own.
func Main() error { // want Main:"startsServer" Main:"subscribes\\(SIGTERM\\)" Main:"drains" Main:"waitsForSignal" Main:"handles\\(signal: drain\\)"
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	return Run(ctx, &http.Server{Addr: ":8080"})
}

// RunClosure builds its drain before the wait, and gives the context it
// captures a fresh deadline after its delay: the drain is not given the
// signal context.
func RunClosure(ctx context.Context, srv *http.Server) error { // want RunClosure:"startsServer" RunClosure:"drains" RunClosure:"handles\\(param 0: delay 15s drain\\)"
	stop := func() error { return srv.Shutdown(ctx) }
	go srv.ListenAndServe()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	var cancel context.CancelFunc
	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return stop()
}
