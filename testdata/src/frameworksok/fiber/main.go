// The graceful shape with fiber: Listen returns nil when Shutdown begins,
// so "err != nil" is the right test.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

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
	time.Sleep(15 * time.Second)
	if err := app.ShutdownWithTimeout(10 * time.Second); err != nil {
		log.Print(err)
	}
}
