// http.Serve on a listener.
package main

import (
	"log"
	"net"
	"net/http"
)

func main() {
	l, err := net.Listen("tcp", ":8080")
	if err != nil {
		log.Fatal(err)
	}
	if err := http.Serve(l, http.NotFoundHandler()); err != nil { // want `server started without handling SIGTERM`
		log.Fatalf("serve: %v", err)
	}
}
