// The comments that belong to the rewritten statement, above it and at
// the end of its line, move with the start into the goroutine, above the
// statement that now serves. A comment set apart by a blank line stays.
package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {}) // probes

	// Routes are registered above.

	// Serve forever: ListenAndServe returns only when the server fails.
	// It binds every interface.
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `server started without handling SIGTERM`
}
