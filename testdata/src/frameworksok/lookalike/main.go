// Names alone are not servers: a Serve method of an unrelated type and a
// package whose path merely ends like a framework's are not starts.
package main

import (
	"net"

	"frameworksok/lookalike/grpc"
)

type Server struct{}

func (*Server) Serve(l net.Listener) error { return nil }

func main() {
	var s Server
	s.Serve(nil)
	grpc.NewServer().Serve(nil)
}
