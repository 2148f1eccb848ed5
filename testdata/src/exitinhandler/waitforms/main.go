// Every form of wait point, each followed by an exit.
package main

import (
	"context"
	"deps/shut"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go http.ListenAndServe(":8080", nil)

	go func() {
		sig := <-c
		_ = sig
		os.Exit(1) // want `exit in the SIGTERM handler`
	}()
	go func() {
		sig, ok := <-c
		_, _ = sig, ok
		os.Exit(2) // want `exit in the SIGTERM handler`
	}()
	go func() {
		switch <-c {
		case syscall.SIGTERM:
			os.Exit(3) // want `exit in the SIGTERM handler`
		}
	}()
	go func() {
		for ctx.Err() == nil {
			time.Sleep(time.Second)
		}
		os.Exit(4) // want `exit in the SIGTERM handler`
	}()
	go func() {
		tctx, cancel := context.WithTimeout(ctx, time.Hour)
		defer cancel()
		<-tctx.Done()
		os.Exit(5) // want `exit in the SIGTERM handler`
	}()
	go func() {
		_, gctx := errgroup.WithContext(ctx)
		<-gctx.Done()
		os.Exit(6) // want `exit in the SIGTERM handler`
	}()
	go func() {
		<-signalContext().Done()
		os.Exit(7) // want `exit in the SIGTERM handler`
	}()
	go func() {
		sctx, cancel := shut.Context()
		defer cancel()
		<-sctx.Done()
		os.Exit(8) // want `exit in the SIGTERM handler`
	}()
	go func() {
		<-shut.Channel()
		os.Exit(9) // want `exit in the SIGTERM handler`
	}()
	go waitOn(c)
	done := ctx.Done()
	<-done
	os.Exit(11) // want `exit in the SIGTERM handler`
}

func signalContext() context.Context {
	ctx, _ := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	return ctx
}

func waitOn(c <-chan os.Signal) {
	<-c
	os.Exit(10) // want `exit in the SIGTERM handler`
}
