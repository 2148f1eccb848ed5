// Package grpc is not google.golang.org/grpc.
package grpc

import "net"

type Server struct{}

func NewServer() *Server                       { return &Server{} }
func (s *Server) Serve(lis net.Listener) error { return nil }
