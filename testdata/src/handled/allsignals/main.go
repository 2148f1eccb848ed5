// signal.Notify with no signals relays every signal.
package main

import (
	"net/http"
	"os"
	"os/signal"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c)
	go http.ListenAndServe(":8080", nil)
	<-c
}
