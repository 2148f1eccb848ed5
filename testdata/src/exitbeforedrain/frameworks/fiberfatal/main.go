// fiber's Listen returns nil the moment Shutdown begins, and log.Fatal
// exits anyway: the drain in the handler goroutine is cut short.
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
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		defer stop()
		<-ctx.Done()
		time.Sleep(15 * time.Second)
		if err := app.ShutdownWithTimeout(10 * time.Second); err != nil {
			log.Print(err)
		}
	}()
	log.Fatal(app.Listen(":3000")) // want `exit as soon as the server start returns nil, which is when Shutdown begins; exit only on an error`
}
