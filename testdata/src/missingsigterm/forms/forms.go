// Every form of server start, in a program that never handles SIGTERM.
package main

import (
	"crypto/tls"
	"log"
	"net"
	"net/http"
	nethttp "net/http"
)

type app struct {
	srv *http.Server
}

func main() {
	go http.ListenAndServe(":8081", nil)              // want `server started without handling SIGTERM: rollouts drop its requests; drain it on SIGTERM`
	go http.ListenAndServeTLS(":8443", "c", "k", nil) // want `server started without handling SIGTERM`
	go nethttp.ListenAndServe(":8082", nil)           // want `server started without handling SIGTERM`

	l, err := net.Listen("tcp", ":8083")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(l, nil) // want `server started without handling SIGTERM`
	tl := tls.NewListener(l, &tls.Config{})
	go http.ServeTLS(tl, nil, "c", "k") // want `server started without handling SIGTERM`

	srv := &http.Server{Addr: ":8084"}
	go srv.ListenAndServeTLS("c", "k") // want `server started without handling SIGTERM`
	go srv.Serve(l)                    // want `server started without handling SIGTERM`
	go srv.ServeTLS(l, "c", "k")       // want `server started without handling SIGTERM`

	a := &app{srv: srv}
	go a.run()
	go runAll(srv.ListenAndServe) // want `server started without handling SIGTERM`

	serve := srv.ListenAndServe // want `server started without handling SIGTERM`
	go serve()

	if err := srv.ListenAndServe(); err != nil { // want `server started without handling SIGTERM`
		log.Fatal(err)
	}
}

// A helper of the same package: reported where the start is written.
func (a *app) run() {
	log.Fatal(a.srv.ListenAndServe()) // want `server started without handling SIGTERM`
}

func runAll(fns ...func() error) {
	for _, f := range fns {
		go f()
	}
}
