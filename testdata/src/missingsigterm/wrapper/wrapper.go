// A server started inside a library: reported at the call in main, with
// Related pointing into the library.
package main

import (
	"deps/srvkit"
	"log"
)

func main() {
	s := srvkit.New(":8080", srvkit.Handler())
	s.Start()                              // want `server started by srvkit.Server.Start without handling SIGTERM`
	go srvkit.ListenAndServe(":9090", nil) // want `server started by srvkit.ListenAndServe without handling SIGTERM`
	log.Fatal(s.Run())                     // want `server started by srvkit.Server.Run without handling SIGTERM`
}
