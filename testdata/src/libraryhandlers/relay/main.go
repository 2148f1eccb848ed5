// Library functions that hand a signal context of their own to other
// libraries that wait on it and drain at once (kine): reported at the
// calls in main.
package main

import (
	"net/http"
	"os"

	"deps/relaylib"
)

func main() {
	relaylib.Start() // want `relaylib.Start drains the server: Shutdown right after the signal`
	relaylib.Serve() // want `relaylib.Serve drains the server: Shutdown right after the signal`
	relaylib.ServeGently()
	relaylib.Quiet(&http.Server{Addr: ":7070"})
	if err := relaylib.App().Run(os.Args); err != nil { // want `relaylib.App drains the server: Shutdown right after the signal`
		os.Exit(1)
	}
}
