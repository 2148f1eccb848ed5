// An exit in the handler; the fix drains the fiber app with
// ShutdownWithTimeout.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New()
	go func() {
		if err := app.Listen(":3000"); err != nil {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	log.Fatal("terminating") // want `exit in the SIGTERM handler before the server is drained`
}
