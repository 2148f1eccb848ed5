// Package cobra is a stub of github.com/spf13/cobra: just enough for
// commands whose RunE closures start servers.
package cobra

import "context"

type Command struct {
	Use  string
	Run  func(cmd *Command, args []string)
	RunE func(cmd *Command, args []string) error
	subs []*Command
	ctx  context.Context
}

// Context returns the context ExecuteContext was given.
func (c *Command) Context() context.Context { return c.ctx }

// ExecuteContext runs the command with ctx as every command's Context.
func (c *Command) ExecuteContext(ctx context.Context) error {
	c.ctx = ctx
	return c.Execute()
}

func (c *Command) AddCommand(cmds ...*Command) { c.subs = append(c.subs, cmds...) }

// Execute runs the command's RunE. The real cobra picks a subcommand
// from os.Args; what matters here is that the closure is called by code
// of another package.
func (c *Command) Execute() error {
	if c.Run != nil {
		c.Run(c, nil)
	}
	if c.RunE != nil {
		return c.RunE(c, nil)
	}
	return nil
}
