// log.Fatal after NotifyContext, and a helper of the same package that
// exits, reached through a select in a loop.
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
	go func() {
		<-ctx.Done()
		log.Fatal("terminated") // want `exit in the SIGTERM handler`
	}()
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
