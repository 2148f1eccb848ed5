// An exit in the handler; the one gRPC server in scope is drained by the
// fix.
package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

func main() {
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	go s.Serve(lis)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	log.Print("stopping")
	os.Exit(0) // want `exit in the SIGTERM handler before the server is drained`
}
