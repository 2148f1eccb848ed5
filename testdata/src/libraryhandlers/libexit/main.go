// The handler path is a goroutine of a library that another library's
// command tree starts: it exits with the server still serving.
package main

import "deps/libcmd"

func main() {
	libcmd.Execute() // want `exit in the SIGTERM handler before the server is drained`
}
