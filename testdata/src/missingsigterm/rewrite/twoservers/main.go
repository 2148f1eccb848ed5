// Two servers: rewriting one into the graceful shape would leave the
// other to die at exit, so no fix is offered.
package main

import (
	"log"
	"net/http"
)

func main() {
	go http.ListenAndServe(":9090", nil)         // want `server started without handling SIGTERM`
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `server started without handling SIGTERM`
}
