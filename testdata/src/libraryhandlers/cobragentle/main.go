// The command's Run waits for load balancers before it drains: nothing
// to report.
package main

import "deps/cmdlib"

func main() {
	root := cmdlib.GentleCommand()
	root.Execute()
}
