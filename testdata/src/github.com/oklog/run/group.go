// Package run is a stub of github.com/oklog/run with the real signatures.
package run

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

// Group collects actors and runs them concurrently. When one actor
// returns, all actors are interrupted.
type Group struct{ actors []actor }

type actor struct {
	execute   func() error
	interrupt func(error)
}

// Add an actor to the group.
func (g *Group) Add(execute func() error, interrupt func(error)) {
	g.actors = append(g.actors, actor{execute, interrupt})
}

// Run all actors concurrently; when the first returns, interrupt all,
// wait for all to return, and return the first error.
func (g *Group) Run() error {
	if len(g.actors) == 0 {
		return nil
	}
	errors := make(chan error, len(g.actors))
	for _, a := range g.actors {
		go func(a actor) { errors <- a.execute() }(a)
	}
	err := <-errors
	for _, a := range g.actors {
		a.interrupt(err)
	}
	for i := 1; i < cap(errors); i++ {
		<-errors
	}
	return err
}

// SignalError is returned by the signal handler's execute function when
// it terminates due to a received signal.
type SignalError struct{ Signal os.Signal }

func (e SignalError) Error() string { return fmt.Sprintf("received signal %s", e.Signal) }

// SignalHandler returns an actor that terminates when one of the signals
// is received, or the context is cancelled.
func SignalHandler(ctx context.Context, signals ...os.Signal) (execute func() error, interrupt func(error)) {
	ctx, cancel := context.WithCancel(ctx)
	return func() error {
			c := make(chan os.Signal, 1)
			signal.Notify(c, signals...)
			defer signal.Stop(c)
			select {
			case sig := <-c:
				return SignalError{Signal: sig}
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(error) {
			cancel()
		}
}
