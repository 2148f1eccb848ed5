package user

import "lib"

func Fatal(err error) { // want Fatal:"exits"
	lib.Fatalf("failed: %v", err)
}

func ViaMethod(l *lib.Logger) { // want ViaMethod:"exits"
	l.Fatal("bye")
}

// fatal exits too, but no other package can call it: no fact.
func fatal(err error) {
	lib.Fatalf("failed: %v", err)
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
