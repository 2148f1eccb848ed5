// The subscription is in a method called through an interface: the
// method of a type the program constructs may run, so it counts.
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

type waiter interface{ wait() }

type sigWaiter struct{}

func (sigWaiter) wait() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
}

func newWaiter() waiter { return sigWaiter{} }

func main() {
	go http.ListenAndServe(":8080", nil)
	newWaiter().wait()
}
