package main

import (
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	var term os.Signal = syscall.SIGTERM
	sigs := []os.Signal{os.Interrupt}
	sigs = append(sigs, term)
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	go http.ListenAndServe(":8080", nil)
	<-c
}
