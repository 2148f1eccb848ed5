// Command viahelper starts its server through another package: the report
// goes to the call in main (facts carry "starts a server" across).
package main

import (
	"log"

	"example.com/buggy/lib"
)

func main() {
	log.Fatal(lib.Serve(":8080", nil))
}
