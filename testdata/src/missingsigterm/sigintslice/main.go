// SIGINT only, through slices (local and of another package): reported
// once, at the first subscription (one report per problem), with no fix,
// since a spread list cannot take another argument.
package main

import (
	"deps/sigslice"
	"net/http"
	"os"
	"os/signal"
)

var local = []os.Signal{os.Interrupt}

func main() {
	go http.ListenAndServe(":8080", nil)
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigslice.Interactive...) // want `signal.Notify subscribes to SIGINT but not to SIGTERM`
	signal.Notify(c, local...)
	<-c
}
