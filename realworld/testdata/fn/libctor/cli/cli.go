package cli

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Command is a cobra-like command: Execute calls Run.
type Command struct {
	Run func()
}

// Execute runs the command.
func (c *Command) Execute() { c.Run() }

// New returns the server command.
func New() *Command {
	return &Command{Run: func() {
		servers := []*http.Server{{Addr: ":8080"}, {Addr: ":9090"}}
		for _, s := range servers {
			go s.ListenAndServe()
		}
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		<-c
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var wg sync.WaitGroup
		for _, s := range servers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.Shutdown(ctx) // no delay before Shutdown
			}()
		}
		wg.Wait()
	}}
}
