// fasthttp's package-level ListenAndServe: a start with a server that
// nothing can drain, so no rewrite is offered.
package main

import (
	"log"

	"github.com/valyala/fasthttp"
)

func handler(ctx *fasthttp.RequestCtx) {}

func main() {
	log.Fatal(fasthttp.ListenAndServe(":8080", handler)) // want `server started without handling SIGTERM`
}
