// The program logs with log/slog: the fix's drain logs with slog too,
// rather than importing log.
package main

import (
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			slog.Error("serve", "err", err)
			os.Exit(1)
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	slog.Info("bye")
	os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
}
