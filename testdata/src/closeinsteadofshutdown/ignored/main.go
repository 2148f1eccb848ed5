// A local debug server's Close is suppressed; the main server's Close is
// reported, and its fix brings the delay of its own (the suppressed
// Close gets no fix that would bring one).
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	debug := &http.Server{Addr: "localhost:6060"}
	go debug.ListenAndServe()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	//sigtermcheck:ignore close-instead-of-shutdown local pprof server, nothing routes to it
	debug.Close()
	srv.Close() // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown with a timeout`
}
