// golang.org/x/sys/unix.SIGTERM, renamed import.
package main

import (
	"net/http"
	"os"
	"os/signal"

	sys "golang.org/x/sys/unix"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sys.SIGTERM)
	go http.ListenAndServe(":8080", nil)
	<-c
}
