package lib

import (
	"context"
	"net/http"
	"sync"
)

// Server is something that serves until its context is done.
type Server interface {
	Start(ctx context.Context) error
}

type group struct{ servers []Server }

// NewGroup runs servers together.
func NewGroup(servers ...Server) Server { return &group{servers} }

func (g *group) Start(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(g.servers))
	for _, s := range g.servers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.Start(ctx)
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

type server struct{ srv *http.Server }

// NewServer wraps an *http.Server.
func NewServer(srv *http.Server) Server { return &server{srv} }

func (s *server) Start(ctx context.Context) error {
	go s.srv.ListenAndServe()
	<-ctx.Done()
	return s.srv.Shutdown(context.Background()) // no delay before Shutdown
}
