// An interface method Stop() with no context is not taken for a drain
// (the policy of isDrainLike): the only type of the program implementing
// it does not drain, so the exit after it is reported.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

type stopper interface{ Stop() }

type noop struct{}

func (noop) Stop() {}

func main() {
	var s stopper = noop{}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	go http.ListenAndServe(":8080", nil)
	<-c
	s.Stop()
	os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
}
