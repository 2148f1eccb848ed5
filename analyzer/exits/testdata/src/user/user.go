package user

import "lib"

func fatal(err error) { // want fatal:"exits"
	lib.Fatalf("failed: %v", err)
}

func viaMethod(l *lib.Logger) { // want viaMethod:"exits"
	l.Fatal("bye")
}

func viaExit(l *lib.Logger) {
	l.Exit(1)
}

func notAll(err error) {
	lib.Must(err)
}

func labeled() {
loop:
	for {
		break loop
	}
}
