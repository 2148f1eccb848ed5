// go-kit's pattern: the signal and the server's error share an errs
// channel, and main returns on the first of them, without draining.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	errs := make(chan error)
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
		errs <- fmt.Errorf("%s", <-c)
	}()
	go func() {
		errs <- http.ListenAndServe(":8080", nil)
	}()
	log.Println("exit", <-errs) // want `main returns after the signal without draining the server`
}
