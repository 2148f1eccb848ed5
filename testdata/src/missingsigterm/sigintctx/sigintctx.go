// SIGINT only, through signal.NotifyContext, with syscall imported under
// another name and os/signal renamed: the fix reuses the existing name.
package main

import (
	"context"
	"net/http"
	"os"
	sig "os/signal"
	sys "syscall"
)

var _ = sys.Getpid

func main() {
	ctx, stop := sig.NotifyContext(context.Background(), os.Interrupt, sys.SIGHUP) // want `signal.NotifyContext subscribes to SIGINT and other signals but not to SIGTERM`
	defer stop()
	go http.ListenAndServe(":8080", nil)
	<-ctx.Done()
}
