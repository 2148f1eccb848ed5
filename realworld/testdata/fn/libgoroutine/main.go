// Distilled from github.com/mccutchen/go-httpbin/v2@v2.26.0 (httpbin/cmd,
// listenAndServeGracefully). Expected: shutdown-without-delay, reported at
// the lib.Serve call. Reported: nothing (the handler path is a goroutine of
// another package).
package main

import (
	"log"
	"net/http"

	"fn/libgoroutine/lib"
)

func main() {
	log.Println(lib.Serve(&http.Server{Addr: ":8080"}))
}
