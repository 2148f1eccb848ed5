// The same tree run by Execute, with no context and no subscription: its
// serve command never learns of SIGTERM.
package main

import "deps/initcli"

func main() {
	initcli.Root.Execute() // want `server started by initcli.Root's command without handling SIGTERM`
}
