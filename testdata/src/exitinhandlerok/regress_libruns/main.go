// Regression (miniflux): a library function serves, waits for SIGTERM,
// delays and drains before it returns; main returning after it is fine.
package main

import (
	"deps/lifecycle"
	"net/http"
)

func main() {
	lifecycle.Run(&http.Server{Addr: ":8080"})
}
