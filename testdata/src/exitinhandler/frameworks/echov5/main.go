// echo v5's Echo has no Shutdown: the exit is reported, and no fix
// offers a drain that would not compile.
package main

import (
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/labstack/echo/v5"
)

func main() {
	e := echo.New()
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		log.Println("bye")
		os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
	}()
	if err := e.Start(":1323"); err != nil {
		log.Fatal(err)
	}
}
