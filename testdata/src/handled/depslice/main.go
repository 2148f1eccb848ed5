// Package-level slices of another package, including one chosen by build
// tags, reach through facts.
package main

import (
	"deps/sigslice"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigslice.Platform...)
	signal.Notify(c, sigslice.Term)
	go http.ListenAndServe(":8080", nil)
	<-c
}
