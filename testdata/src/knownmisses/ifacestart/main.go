// Known false negative: the server is started through an interface
// (kratos' []transport.Server), so no server start is seen and the
// missing SIGTERM handling is not reported. Resolving the interface to
// the program's concrete types would find it (issue 9, item 5).
package main

import "net/http"

type server interface{ Start() error }

type web struct{ addr string }

func (w web) Start() error { return http.ListenAndServe(w.addr, nil) }

func main() {
	servers := []server{web{":8080"}}
	for _, s := range servers {
		go s.Start()
	}
	select {}
}
