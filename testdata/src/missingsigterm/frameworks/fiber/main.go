// fiber's Listen returns nil once Shutdown begins: the fix exits on a
// non-nil error only, and drains with ShutdownWithTimeout.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New()
	log.Fatal(app.Listen(":3000")) // want `server started without handling SIGTERM`
}
