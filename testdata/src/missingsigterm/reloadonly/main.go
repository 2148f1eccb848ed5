// SIGHUP reloads and SIGUSR2 dumps state; nothing handles SIGTERM. One
// report, at the first subscription, and no fix: SIGTERM must not run the
// reload (the program would re-read its config instead of stopping).
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func reload() error { return nil }

func dump() {}

func main() {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // want `signal.Notify subscribes to other signals but not to SIGTERM, Kubernetes' stop signal; stop on SIGTERM in a path of its own`
	usr := make(chan os.Signal, 1)
	signal.Notify(usr, syscall.SIGUSR2)
	go func() {
		for {
			select {
			case <-hup:
				if err := reload(); err != nil {
					log.Printf("reload: %v", err)
				}
			case <-usr:
				dump()
			}
		}
	}()
	log.Fatal(http.ListenAndServe(":8080", nil))
}
