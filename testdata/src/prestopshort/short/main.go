// Run with -prestop-delay=2s: the preStop hook's sleep counts toward
// -min-delay (5s), and the message says how much of the delay it is.
// Server a drains with no in-app delay, b after 1s, c after 3s (which,
// with the hook's 2s, is enough).
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	a := &http.Server{Addr: ":8080"}
	b := &http.Server{Addr: ":8081"}
	c := &http.Server{Addr: ":8082"}
	go a.ListenAndServe()
	go b.ListenAndServe()
	go c.ListenAndServe()
	go func() {
		<-ctx.Done()
		time.Sleep(time.Second)
		b.Shutdown(context.Background()) // want `^the 3s delay before Shutdown \(the preStop hook's 2s included\) is shorter than the min-delay setting \(5s\): load balancers may still route here; sleep longer \(shutdown-without-delay\)$`
	}()
	go func() {
		<-ctx.Done()
		time.Sleep(3 * time.Second)
		c.Shutdown(context.Background())
	}()
	<-ctx.Done()
	a.Shutdown(context.Background()) // want `^the 2s delay before Shutdown \(the preStop hook's 2s included\) is shorter than the min-delay setting \(5s\): load balancers may still route here; sleep longer \(shutdown-without-delay\)$`
}
