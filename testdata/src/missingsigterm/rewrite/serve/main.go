// http.Serve on a listener, and a start that is not main's last
// statement (no fix offered for it).
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
	go http.ListenAndServe(":9090", nil) // want `server started without handling SIGTERM`
	if err := http.Serve(l, http.NotFoundHandler()); err != nil { // want `server started without handling SIGTERM`
		log.Fatalf("serve: %v", err)
	}
}
