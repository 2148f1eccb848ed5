// A library blocks until SIGTERM, then a library function exits.
package main

import (
	"deps/shut"
	"net/http"
)

func main() {
	go http.ListenAndServe(":8080", nil)
	shut.Wait()
	shut.Die(0) // want `exit in the SIGTERM handler`
}
