// Distilled from github.com/transparency-dev/tesseract@v0.1.1
// (cmd/tesseract/posix: go awaitSignal(func() { ...srv.Shutdown(ctx)... })).
// Expected: shutdown-without-delay at srv.Shutdown. Reported: nothing (a
// call of a func-typed parameter after the wait counts as a block, and the
// literal handed to awaitSignal is not walked as the handler).
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	var wg sync.WaitGroup
	wg.Add(1)
	go awaitSignal(func() {
		defer wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		srv.Shutdown(ctx) // expected: shutdown-without-delay
	})
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		os.Exit(1)
	}
	wg.Wait()
}

// awaitSignal waits for a termination signal, then runs done.
func awaitSignal(done func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	<-sigs
	done()
}
