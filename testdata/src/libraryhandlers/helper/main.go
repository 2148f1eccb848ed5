package main

import (
	"net/http"

	"deps/libhandlers"
)

func main() {
	libhandlers.ServeWithHelper(&http.Server{Addr: ":8080"}) // want `libhandlers.ServeWithHelper drains the server: Shutdown right after the signal`
}
