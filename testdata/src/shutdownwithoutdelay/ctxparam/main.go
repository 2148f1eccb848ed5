// main hands the signal context to another package's Run, which waits on
// it and drains at once (alertmanager's app.Run): reported at the call.
package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"

	"deps/runctx"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if err := runctx.Run(ctx, &http.Server{Addr: ":8080"}); err != nil { // want `runctx.Run drains the server: Shutdown right after the signal`
		log.Fatal(err)
	}
}
