// Close in the handler; a later Close after Shutdown is fine.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	if err := srv.Close(); err != nil { // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown with a timeout`
		log.Print(err)
	}
}
