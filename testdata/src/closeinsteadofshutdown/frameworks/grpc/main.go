// gRPC's Stop cuts in-flight RPCs; the handler already delays.
package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

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
	time.Sleep(15 * time.Second)
	s.Stop() // want `Stop in the SIGTERM handler cuts in-flight requests; use GracefulStop with a timeout`
}
