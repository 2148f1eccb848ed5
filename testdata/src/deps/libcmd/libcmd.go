// Package libcmd is a command tree in a library whose command starts a // want package:"subscribes\\(SIGTERM\\)"
// database that exits on SIGTERM, and a server (mailpit's cmd).
package libcmd

import (
	"net/http"

	"deps/libhandlers"
)

type command struct{ Run func() }

var root = &command{Run: func() {
	libhandlers.InitDB()
	http.ListenAndServe(":8080", nil)
}}

// Execute runs the root command.
func Execute() { root.Run() } // want Execute:"startsServer" Execute:"subscribes\\(SIGTERM\\)" Execute:"handles\\(signal in a goroutine: exit\\)"
