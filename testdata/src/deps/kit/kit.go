// Package kit has methods named like drains that are not drains (a
// container manager's Stop), and an application whose Stop ranges over
// an interface of servers, kratos-style: it may drain.
package kit

import (
	"context"
	"net/http"
	"time"
)

// Manager runs containers; its Stop only marks them stopped.
type Manager struct{ running bool }

func (m *Manager) Stop() { m.running = false }

// Server is what App runs: an HTTP or gRPC server behind an interface.
type Server interface {
	Start(context.Context) error
	Stop(context.Context) error
}

// HTTP serves HTTP as a Server.
type HTTP struct{ srv *http.Server }

func (h *HTTP) Start(context.Context) error { return h.srv.ListenAndServe() } // want Start:"startsServer"

func (h *HTTP) Stop(ctx context.Context) error { return h.srv.Shutdown(ctx) } // want Stop:"drains"

// App runs servers and stops them.
type App struct{ servers []Server }

// Stop stops every server with a deadline.
func (a *App) Stop() error { // want Stop:"mayDrain"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, s := range a.servers {
		if err := s.Stop(ctx); err != nil {
			return err
		}
	}
	return nil
}
