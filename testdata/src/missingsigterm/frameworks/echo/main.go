// echo's Start returns http.ErrServerClosed once Shutdown begins, as
// net/http's does: the fix excludes it.
package main

import (
	"log"

	"github.com/labstack/echo/v4"
)

func main() {
	e := echo.New()
	log.Fatal(e.Start(":1323")) // want `server started without handling SIGTERM`
}
