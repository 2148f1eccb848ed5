// Reproduces a false positive found in miniflux.app/v2@v2.3.5 (main.go:11,
// cli.Parse waits for SIGTERM and drains before returning). Expected: no
// report. Reported: exit-in-handler "main returns after the signal without
// draining the server" at lib.Run.
package main

import (
	"net/http"

	"fp/waitthendrain/lib"
)

func main() {
	lib.Run(&http.Server{Addr: ":8080"})
}
