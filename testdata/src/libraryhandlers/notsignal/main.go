// The libraries' waits are on contexts that no signal cancels: their
// handler paths are not this program's.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"deps/libhandlers"
)

func main() {
	admin, cancel := context.WithCancel(context.Background())
	defer cancel()
	libhandlers.Listen(admin, &http.Server{Addr: ":9090"})
	go libhandlers.Run(context.Background(), &http.Server{Addr: ":9091"})
	libhandlers.Start(admin, &http.Server{Addr: ":9092"})

	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	sctx, cancelShutdown := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancelShutdown()
	if err := srv.Shutdown(sctx); err != nil {
		os.Exit(1)
	}
}
