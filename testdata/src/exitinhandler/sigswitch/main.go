// A switch on the received signal: the SIGTERM case is the handler path,
// the SIGHUP case is not.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func reload() error { return nil }

func main() {
	go http.ListenAndServe(":8080", nil)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM)
	for sig := range sigs {
		switch sig {
		case syscall.SIGHUP:
			if err := reload(); err != nil {
				log.Printf("reload: %v", err)
			}
		case syscall.SIGTERM:
			log.Print("terminating")
			os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
		}
	}
}
