package main

import (
	"log"
	"net/http"

	"deps/libhandlers"
)

func main() {
	log.Println(libhandlers.ServeGently(&http.Server{Addr: ":8080"}))
}
