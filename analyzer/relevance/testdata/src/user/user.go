// Package user imports a root. // want package:"matters"
package user

import "root"

func Run() { root.Serve() }
