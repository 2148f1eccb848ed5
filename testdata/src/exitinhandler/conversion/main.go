// The signal channel reaches the wait through an explicit conversion to a
// receive-only channel: still a wait point (a regression: it was lost).
package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func wait(c <-chan os.Signal) { <-c }

func main() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	go http.ListenAndServe(":8080", nil)
	wait((<-chan os.Signal)(sigs))
	os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
}
