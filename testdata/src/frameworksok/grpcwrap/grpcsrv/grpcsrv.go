// Package grpcsrv wraps a gRPC server: its Start returns nil only once
// GracefulStop is over, which a program cannot tell from its name.
package grpcsrv

import (
	"net"

	"google.golang.org/grpc"
)

type Server struct {
	g   *grpc.Server
	lis net.Listener
}

func New(lis net.Listener) *Server { return &Server{grpc.NewServer(), lis} }

func (s *Server) Start() error { return s.g.Serve(s.lis) } // want Start:"startsServer"

func (s *Server) Stop() { s.g.GracefulStop() } // want Stop:"drains"
