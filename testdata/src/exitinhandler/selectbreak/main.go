// A break ends the select's signal case, not the handler: the exit after
// the select is on the handler path (a regression: the walk stopped at
// the break).
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	errc := make(chan error, 1)
	go func() { errc <- http.ListenAndServe(":8080", nil) }()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	select {
	case <-sigs:
		log.Print("stopping")
		break
	case err := <-errc:
		log.Print(err)
	}
	os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
}
