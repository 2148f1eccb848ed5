// Distilled from github.com/go-kit/kit@v0.10.0 examples/profilesvc (the
// "errs channel" idiom). Expected: exit-in-handler (main returns right after
// the relayed signal, without draining). Reported: nothing (<-errs is not
// seen as a wait point: errs is fed by a goroutine that received the signal).
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
	log.Println("exit", <-errs)
}
