// A library package that starts a server and never handles signals is
// never reported: only programs are.
package library

import "net/http"

func Serve() error { // want Serve:"startsServer"
	return http.ListenAndServe(":8080", nil)
}
