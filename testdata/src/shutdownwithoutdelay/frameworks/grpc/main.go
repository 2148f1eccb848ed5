// gRPC's GracefulStop right after the signal.
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
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM, os.Interrupt)
		<-c
		s.GracefulStop() // want `GracefulStop right after the signal, while load balancers still route here`
	}()
	log.Fatal(s.Serve(lis)) // Serve returns once GracefulStop is over: fine
}
