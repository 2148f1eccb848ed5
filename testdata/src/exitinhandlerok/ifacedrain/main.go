// An interface method Stop() that a type of the program implements with a
// drain: it may drain, so the exit after it is not reported.
package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

type stopper interface{ Stop() }

type web struct{ srv *http.Server }

func (w web) Stop() {
	time.Sleep(15 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	w.srv.Shutdown(ctx)
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	var s stopper = web{srv}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go srv.ListenAndServe()
	<-c
	s.Stop()
	os.Exit(0)
}
