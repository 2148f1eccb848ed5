// Package fasthttp is a stub of github.com/valyala/fasthttp: the starts
// and stops of *Server and the package's own starts, with the real
// signatures.
package fasthttp

import (
	"context"
	"net"
)

type RequestCtx struct{}

type RequestHandler func(ctx *RequestCtx)

type Server struct{ Handler RequestHandler }

func (s *Server) ListenAndServe(addr string) error              { return nil }
func (s *Server) Serve(ln net.Listener) error                   { return nil }
func (s *Server) Shutdown() error                               { return nil }
func (s *Server) ShutdownWithContext(ctx context.Context) error { return nil }

func ListenAndServe(addr string, handler RequestHandler) error { return nil }
func Serve(ln net.Listener, handler RequestHandler) error      { return nil }
