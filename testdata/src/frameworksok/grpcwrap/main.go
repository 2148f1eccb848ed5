// A start through a library's function may return only once the drain is
// over (here gRPC's Serve): exiting after it is not reported.
package main

import (
	"context"
	"log"
	"net"
	"os/signal"
	"syscall"
	"time"

	"frameworksok/grpcwrap/grpcsrv"
)

func main() {
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	srv := grpcsrv.New(lis)
	go func() {
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		defer stop()
		<-ctx.Done()
		time.Sleep(15 * time.Second)
		srv.Stop()
	}()
	if err := srv.Start(); err != nil {
		log.Fatalf("grpc: %v", err)
	}
}
