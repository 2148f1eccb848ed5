// Package cli is a stub of github.com/urfave/cli/v2: an App whose Run
// calls its Action.
package cli

// Context is what an Action gets.
type Context struct{}

// App is a command-line application.
type App struct {
	Name   string
	Action func(*Context) error
}

// Run runs the app's Action.
func (a *App) Run(args []string) error {
	if a.Action != nil {
		return a.Action(&Context{})
	}
	return nil
}
