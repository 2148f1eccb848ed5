// A library method subscribes (facts).
package main

import (
	"deps/sigkit"
	"net/http"
)

func main() {
	var w sigkit.Watcher
	w.Watch()
	http.ListenAndServe(":8080", nil)
}
