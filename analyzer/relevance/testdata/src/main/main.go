// A program matters, but nothing imports it: no fact.
package main

import (
	"other"
	"userofuser"
)

func main() {
	_ = other.Upper("x")
	userofuser.Start()
}
