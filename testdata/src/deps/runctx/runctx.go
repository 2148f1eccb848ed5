// Package runctx has the functions of an application package that main
// hands its signal context to.
package runctx

import (
	"context"
	"net/http"
	"time"
)

// Run serves until ctx is done, then shuts the server down at once.
func Run(ctx context.Context, srv *http.Server) error { // want Run:"startsServer" Run:"drains" Run:"waitsOnParam\\(0\\)"
	go srv.ListenAndServe()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// RunGracefully serves until ctx is done, keeps serving for the delay, then
// drains.
func RunGracefully(ctx context.Context, srv *http.Server, delay time.Duration) error { // want RunGracefully:"startsServer" RunGracefully:"drains" RunGracefully:"waitsOnParam\\(0\\)" RunGracefully:"delays\\(non-constant\\)"
	go srv.ListenAndServe()
	<-ctx.Done()
	time.Sleep(delay)
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// Stop drains at once when stop is closed.
func Stop(stop <-chan struct{}, srv *http.Server) { // want Stop:"drains" Stop:"waitsOnParam\\(0\\)"
	<-stop
	srv.Shutdown(context.Background())
}
