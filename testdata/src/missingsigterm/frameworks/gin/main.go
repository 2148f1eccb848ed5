// gin serves through net/http: Run is a server start.
package main

import "github.com/gin-gonic/gin"

func main() {
	r := gin.Default()
	r.Run(":8080") // want `server started without handling SIGTERM`
}
