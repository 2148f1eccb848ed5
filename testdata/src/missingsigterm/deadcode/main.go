// A server start in a function nothing calls is not reported; nor is a
// library's test server.
package main

import (
	"net/http"
	"net/http/httptest"
)

func main() {
	ts := httptest.NewServer(http.NotFoundHandler())
	defer ts.Close()
}

func unused() {
	http.ListenAndServe(":8080", nil)
}
