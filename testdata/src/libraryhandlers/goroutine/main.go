package main

import (
	"log"
	"net/http"

	"deps/libhandlers"
)

func main() {
	log.Println(libhandlers.Serve(&http.Server{Addr: ":8080"})) // want `libhandlers.Serve drains the server: Shutdown right after the signal`
}
