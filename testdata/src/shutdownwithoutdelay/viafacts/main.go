// A library function drains: reported at the call, fixed before it.
package main

import (
	"deps/shut"
	"log"
	"net/http"
)

func main() {
	ctx, stop := shut.Context()
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	<-ctx.Done()
	if err := shut.Drain(srv); err != nil { // want `shut.Drain drains the server: Shutdown right after the signal`
		log.Print(err)
	}
}
