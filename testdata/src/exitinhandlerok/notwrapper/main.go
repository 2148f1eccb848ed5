// run is not a wrapper of main: main goes on after it returns (it waits
// for the drain), so run returning after the signal ends nothing.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

var srv = &http.Server{Addr: ":8080"}

func main() {
	go srv.ListenAndServe()
	run()
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

func run() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
}
