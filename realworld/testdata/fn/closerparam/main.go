// Distilled from github.com/superfly/litefs@v0.5.14 (cmd/litefs: after the
// signal, MountCommand.Close passes its servers as io.Closers to
// internal.Close, and the server type's Close calls http.Server.Close).
// Expected: close-instead-of-shutdown at the lib.Close call, and nothing at
// os.Exit (an exit after an abrupt Close is not reported a second time).
// Reported: exit-in-handler at os.Exit instead (the abrupt Close is in
// another package, reached through an io.Closer parameter, so it is not
// seen and the exit looks like the first stop). In litefs itself nothing is
// reported.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"fn/closerparam/lib"
)

func main() {
	s := lib.NewServer(":8080")
	s.Serve()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
	<-c
	lib.Close(s) // expected: close-instead-of-shutdown
	os.Exit(0)
}
