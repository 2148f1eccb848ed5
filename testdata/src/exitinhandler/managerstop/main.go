// A method of another package merely named Stop is known by its facts:
// the container manager's Stop does not drain, so the exit after it is an
// exit before any drain.
package main

import (
	"deps/kit"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	mgr := &kit.Manager{}
	go http.ListenAndServe(":8080", nil)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	mgr.Stop()
	os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
}
