// The wait and the drain are both inside lifecycle.RunNow: reported at the
// call, with no fix (a delay before the call would only hold up the start).
package main

import (
	"net/http"

	"deps/lifecycle"
)

func main() {
	lifecycle.RunNow(&http.Server{Addr: ":8080"}) // want `lifecycle.RunNow drains the server: Shutdown right after the signal`
}
