// The client's command tree of a package that also holds a server's: the
// client serves nothing, so SIGTERM is not its business.
package main

import "deps/inittrees"

func main() {
	inittrees.CtlCmd.Execute()
}
