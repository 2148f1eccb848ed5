// echo's Close cuts in-flight requests.
package main

import (
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/labstack/echo/v4"
)

func main() {
	e := echo.New()
	go func() {
		if err := e.Start(":1323"); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	if err := e.Close(); err != nil { // want `Close in the SIGTERM handler cuts in-flight requests; use Shutdown with a timeout`
		log.Print(err)
	}
}
