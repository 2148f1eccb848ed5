// gin's own server cannot be drained: exiting is all a handler can do,
// and there is no server in scope for a fix to drain.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	go r.Run(":8080")
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
}
