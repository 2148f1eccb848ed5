// Two drains given the signal context, with no delay before them. Each
// shutdown-context-done fix declares a timeout context before its if
// statement: the one applied second must name its own apart, even when
// it goes above the first (the if's own scope once hid the later
// declaration from it, and the program no longer compiled).
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":8081"}
	for _, srv := range []*http.Server{api, admin} {
		go func() {
			if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		}()
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	if err := api.Shutdown(ctx); err != nil {
		log.Print(err)
	}
	if err := admin.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
