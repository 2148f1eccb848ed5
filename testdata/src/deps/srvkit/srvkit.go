// Package srvkit is a library wrapper around net/http servers: it starts
// servers inside its own functions, so programs reach the start only
// through facts.
package srvkit

import (
	"net"
	"net/http"
)

type Server struct {
	srv *http.Server
}

func New(addr string, h http.Handler) *Server { // no fact: constructing does not serve
	return &Server{srv: &http.Server{Addr: addr, Handler: h}}
}

// Run serves until the server is closed.
func (s *Server) Run() error { // want Run:"startsServer"
	return s.srv.ListenAndServe()
}

// Start serves in the background.
func (s *Server) Start() { // want Start:"startsServer"
	go func() {
		_ = s.srv.ListenAndServe()
	}()
}

// ListenAndServe starts through a helper two calls away, like exporter
// toolkits that wrap http.Server.Serve.
func ListenAndServe(addr string, h http.Handler) error { // want ListenAndServe:"startsServer"
	return serveOn(addr, h)
}

// serveOn starts a server too, but no other package can call it: no fact.
func serveOn(addr string, h http.Handler) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(l, h)
}

// Handler only builds a handler.
func Handler() http.Handler { return http.NewServeMux() }
