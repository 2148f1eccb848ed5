// go-kit's addsvc: the signal actor returns on SIGTERM, the group's
// interrupts only close the listeners, and main returns once g.Run does:
// in-flight requests are cut.
package main

import (
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/oklog/run"
)

func main() {
	var g run.Group
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		log.Fatal(err)
	}
	g.Add(func() error {
		return http.Serve(ln, nil)
	}, func(error) {
		ln.Close()
	})
	cancel := make(chan struct{})
	g.Add(func() error {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
		select {
		case sig := <-c: // want `main returns after the signal without draining the server`
			return fmt.Errorf("received signal %s", sig)
		case <-cancel:
			return nil
		}
	}, func(error) {
		close(cancel)
	})
	log.Println("exit", g.Run())
}
