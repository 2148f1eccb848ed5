// Delays through time.After, timers, tickers' first tick, a select whose
// only way on is a timer, and helpers (same package and facts).
package main

import (
	"context"
	"deps/shut"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	a := &http.Server{Addr: ":8080"}
	b := &http.Server{Addr: ":8081"}
	c := &http.Server{Addr: ":8082"}
	d := &http.Server{Addr: ":8083"}
	e := &http.Server{Addr: ":8084"}
	for _, s := range []*http.Server{a, b, c, d, e} {
		go s.ListenAndServe()
	}
	go func() {
		<-ctx.Done()
		<-time.After(10 * time.Second)
		a.Shutdown(context.Background())
	}()
	go func() {
		<-ctx.Done()
		t := time.NewTimer(10 * time.Second)
		<-t.C
		b.Shutdown(context.Background())
	}()
	go func() {
		<-ctx.Done()
		select {
		case <-time.After(10 * time.Second):
		}
		c.Shutdown(context.Background())
	}()
	go func() {
		<-ctx.Done()
		pause()
		d.Shutdown(context.Background())
	}()
	<-ctx.Done()
	shut.Pause()
	e.Shutdown(context.Background())
}

func pause() { time.Sleep(6 * time.Second) }
