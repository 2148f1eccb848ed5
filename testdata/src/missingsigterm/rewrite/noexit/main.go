// The if statement's body does not exit: in a goroutine it would no
// longer end the program on a serve error, so no fix is offered.
package main

import (
	"log"
	"net/http"
)

func main() {
	if err := http.ListenAndServe(":8080", nil); err != nil { // want `server started without handling SIGTERM`
		log.Print(err)
	}
}
