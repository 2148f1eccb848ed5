// Package libhandlers holds handler paths out of its callers' sight, as
// go-httpbin, tusd, alertmanager and kine do (found by the real-world
// harness): in goroutines it starts, and after waits on a context or
// channel it is given.
package libhandlers

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Serve serves until SIGTERM; a goroutine drains at once (go-httpbin).
func Serve(srv *http.Server) error { // want Serve:"startsServer" Serve:"subscribes\\(SIGTERM\\)" Serve:"drains" Serve:"handles\\(signal in a goroutine: drain\\)"
	done := make(chan error, 1)
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		done <- srv.Shutdown(ctx)
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	return <-done
}

// ServeGently is Serve with a propagation delay.
func ServeGently(srv *http.Server) error { // want ServeGently:"startsServer" ServeGently:"subscribes\\(SIGTERM\\)" ServeGently:"drains" ServeGently:"handles\\(signal in a goroutine: delay 10s drain\\)"
	done := make(chan error, 1)
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		time.Sleep(10 * time.Second)
		done <- srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	return <-done
}

// ServeWithHelper has a helper start the signal goroutine (tusd).
func ServeWithHelper(srv *http.Server) error { // want ServeWithHelper:"startsServer" ServeWithHelper:"subscribes\\(SIGTERM\\)" ServeWithHelper:"drains" ServeWithHelper:"handles\\(signal in a goroutine: drain\\)"
	setupSignals(srv)
	return srv.ListenAndServe()
}

func setupSignals(srv *http.Server) { // (unexported: no facts)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		srv.Shutdown(context.Background())
	}()
}

// Run serves until ctx is done, then drains at once (alertmanager's
// app.Run).
func Run(ctx context.Context, srv *http.Server) error { // want Run:"startsServer" Run:"drains" Run:"handles\\(param 0: drain\\)"
	go srv.ListenAndServe()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// RunGently is Run with a propagation delay.
func RunGently(ctx context.Context, srv *http.Server) error { // want RunGently:"startsServer" RunGently:"drains" RunGently:"handles\\(param 0: delay 15s drain\\)"
	go srv.ListenAndServe()
	select {
	case <-ctx.Done():
	}
	time.Sleep(15 * time.Second)
	return srv.Shutdown(context.Background())
}

// Listen drains in a goroutine once ctx is done (kine's metrics.Serve).
func Listen(ctx context.Context, srv *http.Server) { // want Listen:"startsServer" Listen:"drains" Listen:"handles\\(param 0 in a goroutine: drain\\)"
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	go srv.ListenAndServe()
}

// Until serves until stop is closed (the Kubernetes libraries' style).
func Until(stop <-chan struct{}, srv *http.Server) { // want Until:"startsServer" Until:"drains" Until:"handles\\(param 0: drain\\)"
	go srv.ListenAndServe()
	<-stop
	srv.Shutdown(context.Background())
}

// Start serves; it never waits on its context.
func Start(ctx context.Context, srv *http.Server) error { // want Start:"startsServer"
	srv.BaseContext = nil
	_ = ctx
	return srv.ListenAndServe()
}

// OnSignal runs f in a goroutine once SIGTERM arrives.
func OnSignal(f func()) { // want OnSignal:"subscribes\\(SIGTERM\\)" OnSignal:"handles\\(signal in a goroutine: calls param 0\\)"
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		f()
	}()
}

// App waits in a helper and drains in a deferred Stop (alertmanager).
type App struct {
	Srv    *http.Server
	Reload chan struct{}
}

// Run serves until ctx is done.
func (a *App) Run(ctx context.Context) error { // want Run:"startsServer" Run:"drains" Run:"handles\\(param 0: drain\\)"
	defer a.Stop()
	go a.Srv.ListenAndServe()
	return a.serveLoop(ctx)
}

func (a *App) serveLoop(ctx context.Context) error {
	for {
		select {
		case <-a.Reload:
		case <-ctx.Done():
			return nil
		}
	}
}

// Stop drains at once.
func (a *App) Stop() { a.Srv.Shutdown(context.Background()) } // want Stop:"drains"

// Errs reports serve errors.
var Errs = make(chan error, 1)

// RunPolling is Run with a poll for a serve error after the wait, as
// alertmanager's serveLoop does: a select with a default does not block.
func RunPolling(ctx context.Context, srv *http.Server) error { // want RunPolling:"startsServer" RunPolling:"drains" RunPolling:"handles\\(param 0: drain\\)"
	go srv.ListenAndServe()
	<-ctx.Done()
	select {
	case err := <-Errs:
		return err
	default:
	}
	return srv.Shutdown(context.Background())
}

// InitDB opens the database and closes it on SIGTERM, then exits, in a
// goroutine (mailpit's storage.InitDB).
func InitDB() { // want InitDB:"subscribes\\(SIGTERM\\)" InitDB:"handles\\(signal in a goroutine: exit\\)"
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go func() {
		<-c
		os.Exit(0)
	}()
}
