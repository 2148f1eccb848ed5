// SIGINT only, through a library helper: reported at the call, no fix.
package main

import (
	"deps/sigkit"
	"net/http"
)

func main() {
	go http.ListenAndServe(":8080", nil)
	<-sigkit.InterruptOnly() // want `sigkit.InterruptOnly subscribes to SIGINT but not to SIGTERM`
}
