// main simply ends after the signal: reported at the wait point.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	go http.ListenAndServe(":8080", nil)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM, os.Interrupt)
	<-c // want `main returns after the signal without draining the server: in-flight requests are cut; drain it first`
	log.Println("bye")
}
