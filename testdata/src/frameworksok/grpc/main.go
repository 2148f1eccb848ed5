// The graceful shape with gRPC: Serve returns only once GracefulStop is
// over, so exiting when it returns is fine.
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
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM, os.Interrupt)
		<-c
		time.Sleep(15 * time.Second)
		s.GracefulStop()
	}()
	log.Fatal(s.Serve(lis))
}
