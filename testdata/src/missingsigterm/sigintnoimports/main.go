// The fix adds the syscall import in sorted position, and keeps the
// import's comment on its own line.
package main

import (
	"net/http"
	"os"
	"os/signal" // for Ctrl-C
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, // want `signal.Notify subscribes to SIGINT but not to SIGTERM`
		os.Interrupt,
	)
	go http.ListenAndServe(":8080", nil)
	<-c
}
