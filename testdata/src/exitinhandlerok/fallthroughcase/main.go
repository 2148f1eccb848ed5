// The SIGTERM case falls through into the case that delays and drains: correct.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func reload() {}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGQUIT)
	for sig := range sigs {
		switch sig {
		case syscall.SIGHUP:
			reload()
			continue
		case syscall.SIGTERM:
			log.Print("SIGTERM: draining")
			fallthrough
		case syscall.SIGQUIT:
			time.Sleep(15 * time.Second)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if err := srv.Shutdown(ctx); err != nil {
				log.Print(err)
			}
			cancel()
		}
		break
	}
}
