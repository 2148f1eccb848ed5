// kratos-style: the application stops its servers through an interface
// whose Stop takes a context (isDrainLike), inside another package (a
// mayDrain fact). Neither is known not to drain: not reported.
package main

import (
	"context"
	"deps/kit"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	app := &kit.App{}
	var srv kit.Server
	go http.ListenAndServe(":8080", nil)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	if srv != nil {
		srv.Stop(context.Background())
	}
	app.Stop()
	os.Exit(0)
}
