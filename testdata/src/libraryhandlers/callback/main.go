// The drain is a callback that a library's signal goroutine runs
// (libhandlers.OnSignal): the handles fact says the goroutine calls its
// parameter after the wait, so the callback is on the handler path.
package main

import (
	"context"
	"net/http"

	"deps/libhandlers"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	libhandlers.OnSignal(func() { srv.Shutdown(context.Background()) }) // want `Shutdown right after the signal`
	srv.ListenAndServe()                                                // want `main returns as soon as the server start returns`
}
