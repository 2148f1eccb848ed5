// Package user delays through lib's facts.
package user

import "lib"

// Wait delays through another package's function.
func Wait() { lib.Sleep() } // want Wait:"delays\\(15s\\)"

// Method delays through another package's method.
func Method() { lib.T{}.Wait() } // want Method:"delays\\(1m0s\\)"

// NoDelay calls a function that delays only on some calls.
func NoDelay() { lib.Nested(true) }

func unexported() { lib.Sleep() }
