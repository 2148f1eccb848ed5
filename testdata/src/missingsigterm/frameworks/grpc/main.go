// gRPC's Serve: the fix serves in a goroutine and drains with
// GracefulStop after the delay.
package main

import (
	"log"
	"net"

	"google.golang.org/grpc"
)

func main() {
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	if err := s.Serve(lis); err != nil { // want `server started without handling SIGTERM`
		log.Fatalf("serve: %v", err)
	}
}
