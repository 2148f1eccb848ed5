// Constant expressions equal to 15 of type syscall.Signal.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

const term = syscall.Signal(10 + 5)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.Signal(2), term)
	go http.ListenAndServe(":8080", nil)
	<-c
}
