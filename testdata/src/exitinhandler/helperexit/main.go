// A helper of the same package that exits, reached through a select in a
// loop: the form without a fix. SPEC §3.2 offers one only when exactly
// one *http.Server is in scope at the exit, and die has none in scope, so
// there is no golden.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	go http.ListenAndServe(":8080", nil)
	go watch(ctx)
	select {}
}

func watch(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			die()
		}
	}
}

func die() {
	log.Fatalln("bye") // want `exit in the SIGTERM handler`
}
