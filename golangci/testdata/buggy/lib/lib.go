// Package lib starts a server; libraries are never reported on.
package lib

import "net/http"

// Serve serves h on addr until the process dies.
func Serve(addr string, h http.Handler) error {
	return http.ListenAndServe(addr, h)
}
