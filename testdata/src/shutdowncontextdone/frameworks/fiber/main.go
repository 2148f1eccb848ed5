// fiber v3's ShutdownWithContext given the signal context.
package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v3"
)

func main() {
	app := fiber.New()
	go func() {
		if err := app.Listen(":3000", fiber.ListenConfig{DisableStartupMessage: true}); err != nil {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	time.Sleep(15 * time.Second)
	if err := app.ShutdownWithContext(ctx); err != nil { // want `ShutdownWithContext is given the signal context, which is already done`
		log.Print(err)
	}
}
