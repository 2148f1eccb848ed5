// A library function that waits on its context parameter, which its own
// package also feeds a signal context, given here a context that the
// program cancels only after its own delay: its drain is not right after
// the signal, nothing to report. Nor for one whose drain, built before
// the wait, is given a fresh deadline after the delay.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"deps/fedparam"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		time.Sleep(15 * time.Second)
		cancel()
	}()
	go fedparam.Run(ctx, &http.Server{Addr: ":9090"})
	go fedparam.Run(ctx, &http.Server{Addr: ":8080"})

	sig, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	fedparam.RunClosure(sig, &http.Server{Addr: ":7070"})
}
