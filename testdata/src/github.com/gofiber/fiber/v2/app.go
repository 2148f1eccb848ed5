// Package fiber is a stub of github.com/gofiber/fiber/v2: the starts and
// stops of *App, with the real signatures.
package fiber

import (
	"context"
	"net"
	"time"
)

type App struct{}

func New() *App                                                  { return &App{} }
func (app *App) Listen(addr string) error                        { return nil }
func (app *App) Listener(ln net.Listener) error                  { return nil }
func (app *App) Shutdown() error                                 { return nil }
func (app *App) ShutdownWithTimeout(timeout time.Duration) error { return nil }
func (app *App) ShutdownWithContext(ctx context.Context) error   { return nil }
