// Two drains, each after a delay of its own: the second starts 30s after
// the pod starts stopping, as SIGKILL comes.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	go srv.ListenAndServe()
	go admin.ListenAndServe()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	time.Sleep(15 * time.Second)
	admin.Shutdown(context.Background())
	time.Sleep(15 * time.Second)
	srv.Shutdown(context.Background()) // want `Shutdown starts 30s into the 30s grace period: SIGKILL comes first`
}
