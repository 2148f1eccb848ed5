// Package webhandler serves until its context is done, then shuts down
// with that context, as Prometheus's web.Handler.Run does.
package webhandler

import (
	"context"
	"net/http"
)

// Handler is a web handler.
type Handler struct{ srv *http.Server }

// New returns a handler serving on addr.
func New(addr string) *Handler { return &Handler{&http.Server{Addr: addr}} }

// Run serves until ctx is done, then drains with ctx, done by then.
func (h *Handler) Run(ctx context.Context) error { // want Run:"startsServer" Run:"drains" Run:"handles\\(param 0: drain \\(done context\\)\\)"
	go h.srv.ListenAndServe()
	<-ctx.Done()
	return h.srv.Shutdown(ctx)
}
