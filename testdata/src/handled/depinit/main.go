// An imported package subscribes in its initialization.
package main

import (
	"deps/siginit"
	"net/http"
)

func main() {
	go http.ListenAndServe(":8080", nil)
	<-siginit.Stop
}
