// A command tree in another package's package-level variables
// (distribution's registry.RootCmd.Execute()): its serve command waits for
// SIGTERM on a subscription of its own and drains at once.
package main

import "deps/initcmd"

func main() {
	initcmd.RootCmd.Execute() // want `initcmd.RootCmd's command drains the server: Shutdown right after the signal`
}
