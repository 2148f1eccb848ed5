// Known false negative, distilled from github.com/superfly/litefs@v0.5.14
// (cmd/litefs: after the signal, its servers are passed as io.Closers to
// internal.Close, and the server type's Close calls http.Server.Close).
// Expected: close-instead-of-shutdown at the closers.Close call, and no
// exit-in-handler at os.Exit (an exit after an abrupt Close is not
// reported a second time). Reported: exit-in-handler instead: the abrupt
// Close is in another package, reached through an io.Closer parameter,
// which no fact describes, so the exit looks like the first stop.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"deps/closers"
)

func main() {
	s := closers.NewServer(":8080")
	s.Serve()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
	<-c
	closers.Close(s)
	os.Exit(0) // want `exit in the SIGTERM handler`
}
