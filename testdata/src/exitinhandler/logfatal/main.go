// log.Fatal after NotifyContext, in a goroutine of main: the fix drains
// the server before it. (The helper that exits with no server in scope,
// which has no fix, is exitinhandler/helperexit.)
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
	select {}
}
