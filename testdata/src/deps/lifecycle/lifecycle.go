// Package lifecycle runs servers and signal handling for programs, as
// miniflux and pebble do (found by the real-world harness).
package lifecycle

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Run serves until SIGTERM, waits for load balancers, then drains.
func Run(srv *http.Server) { // want Run:"startsServer" Run:"subscribes\\(SIGTERM\\)" Run:"drains" Run:"waitsForSignal" Run:"handles\\(signal: delay 10s drain\\)"
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	time.Sleep(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

// CatchSignals waits for SIGTERM, runs the cleanup callback, then exits.
func CatchSignals(callback func()) { // want CatchSignals:"subscribes\\(SIGTERM\\)" CatchSignals:"waitsForSignal" CatchSignals:"handles\\(signal: calls param 0 exit\\)"
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	callback()
	os.Exit(0)
}

// RunNow serves until SIGTERM, then drains at once (miniflux's daemon).
func RunNow(srv *http.Server) { // want RunNow:"startsServer" RunNow:"subscribes\\(SIGTERM\\)" RunNow:"drains" RunNow:"waitsForSignal" RunNow:"handles\\(signal: drain\\)"
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	srv.Shutdown(context.Background())
}
