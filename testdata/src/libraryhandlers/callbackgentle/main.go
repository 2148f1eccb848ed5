// The callback a library's signal goroutine runs waits before it drains,
// and main waits for the drain: nothing to report.
package main

import (
	"context"
	"net/http"
	"time"

	"deps/libhandlers"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	done := make(chan struct{})
	libhandlers.OnSignal(func() {
		time.Sleep(15 * time.Second)
		srv.Shutdown(context.Background())
		close(done)
	})
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return
	}
	<-done
}
