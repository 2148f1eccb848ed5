// Package userofuser imports a package that matters. // want package:"matters"
package userofuser

import "user"

func Start() { user.Run() }
