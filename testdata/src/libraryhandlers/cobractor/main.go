// The command's Run, made by a library constructor, waits for SIGTERM
// and drains at once: reported where the program gets the command.
package main

import "deps/cmdlib"

func main() {
	root := cmdlib.Command() // want `cmdlib.Command drains the server: Shutdown right after the signal`
	root.Execute()
}
