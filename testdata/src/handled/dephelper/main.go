// A library helper subscribes (facts).
package main

import (
	"deps/sigkit"
	"deps/srvkit"
	"log"
)

func main() {
	ctx, stop := sigkit.Context()
	defer stop()
	s := srvkit.New(":8080", srvkit.Handler())
	go func() { log.Println(s.Run()) }()
	<-ctx.Done()
}
