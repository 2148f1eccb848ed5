// Package closers serves and closes through io.Closer, as litefs's
// internal package does.
package closers

import (
	"io"
	"net/http"
)

// Server is an HTTP server.
type Server struct{ srv *http.Server }

// NewServer returns a server for addr.
func NewServer(addr string) *Server { return &Server{&http.Server{Addr: addr}} }

// Serve serves in a goroutine.
func (s *Server) Serve() { go s.srv.ListenAndServe() } // want Serve:"startsServer"

// Close closes the server at once.
func (s *Server) Close() error { return s.srv.Close() }

// Close closes c if it is not nil.
func Close(c io.Closer) error {
	if c == nil {
		return nil
	}
	return c.Close()
}
