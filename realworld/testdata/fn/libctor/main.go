// Distilled from github.com/centrifugal/centrifugo/v6@v6.9.1 (main runs
// root.Execute() on the command that app.Centrifugo() builds; its Run closure
// waits for SIGTERM and shuts the servers down in goroutines joined by a
// WaitGroup, with no delay) and from the EC2 metadata mock's root.NewCmd().
// Expected: shutdown-without-delay at the cli.New() call that hands the
// closure over. Reported: nothing.
package main

import "fn/libctor/cli"

func main() {
	root := cli.New() // expected: shutdown-without-delay
	root.Execute()
}
