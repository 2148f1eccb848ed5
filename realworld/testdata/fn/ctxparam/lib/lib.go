package lib

import (
	"context"
	"net/http"
	"time"
)

// Run serves until ctx is done, then shuts the server down at once.
func Run(ctx context.Context, srv *http.Server) error {
	go srv.ListenAndServe()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx) // no delay before Shutdown
}
