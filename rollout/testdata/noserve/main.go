// Command noserve fails at once without listening.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "noserve: no configuration")
	os.Exit(2)
}
