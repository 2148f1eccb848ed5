// A server started through an interface (kratos' []transport.Server)
// whose concrete types are the program's own: the interface method call
// reaches their Start methods.
package main

import "net/http"

type server interface{ Start() error }

type web struct{ addr string }

func (w web) Start() error { return http.ListenAndServe(w.addr, nil) } // want `server started without handling SIGTERM`

// admin implements server too, but no value of it is ever created.
type admin struct{ addr string }

func (a *admin) Start() error { return http.ListenAndServe(a.addr, nil) }

func main() {
	servers := []server{web{":8080"}}
	for _, s := range servers {
		go s.Start()
	}
	select {}
}
