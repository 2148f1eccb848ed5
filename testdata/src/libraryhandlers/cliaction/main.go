package main

import (
	"os"

	"deps/cmdlib"
)

func main() {
	app := cmdlib.App() // want `cmdlib.App drains the server: Shutdown right after the signal`
	if err := app.Run(os.Args); err != nil {
		os.Exit(1)
	}
}
