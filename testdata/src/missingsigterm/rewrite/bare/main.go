// A bare start through a renamed import, and a single-line import.
package main

import nethttp "net/http"

func main() {
	mux := nethttp.NewServeMux()
	nethttp.ListenAndServe(":8080", mux) // want `server started without handling SIGTERM`
}
