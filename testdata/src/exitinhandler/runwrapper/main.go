// os.Exit(run()): run's return ends the process, so run returning after
// the signal is main returning after it (SPEC 2, issue 9 item 4).
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run())
}

func run() int {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs // want `run returns after the signal without draining the server`
	log.Print("bye")
	return 0
}
