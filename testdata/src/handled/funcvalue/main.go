// f := signal.Notify: the signals are not followed, so it counts.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	notify := signal.Notify
	c := make(chan os.Signal, 1)
	notify(c, syscall.SIGTERM)
	go http.ListenAndServe(":8080", nil)
	<-c
}
