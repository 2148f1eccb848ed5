// Package other imports nothing that matters: no fact.
package other

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }
