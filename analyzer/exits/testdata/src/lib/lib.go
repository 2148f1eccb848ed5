package lib

import (
	"fmt"
	"log"
	"os"
	"runtime"
)

func Fatal(v ...any) { // want Fatal:"exits"
	fmt.Fprintln(os.Stderr, v...)
	os.Exit(1)
}

func Fatalf(format string, v ...any) { // want Fatalf:"exits"
	Fatal(fmt.Sprintf(format, v...))
}

func Must(err error) {
	if err != nil {
		panic(err)
	}
}

func Crash(err error) { // want Crash:"exits"
	panic(err)
}

func EitherWay(code int) { // want EitherWay:"exits"
	if code == 0 {
		log.Fatal("zero")
	} else {
		os.Exit(code)
	}
}

func ByCode(code int) { // want ByCode:"exits"
	switch {
	case code < 0:
		fallthrough
	case code == 0:
		log.Panic("bad code")
	default:
		os.Exit(code)
	}
}

func NoDefault(code int) {
	switch code {
	case 1:
		os.Exit(1)
	}
}

func BreaksOut(code int) {
	switch code {
	case 1:
		if code > 0 {
			break
		}
		os.Exit(1)
	default:
		os.Exit(2)
	}
}

func BreakInNestedLoop(codes []int) { // want BreakInNestedLoop:"exits"
	switch {
	default:
		for range codes {
			break
		}
		os.Exit(1)
	}
}

// Loops and blocks forever: never returns, but the process goes on.
func Forever() {
	for {
		fmt.Println("tick")
	}
}

func Block() { select {} }

func Quit() { runtime.Goexit() }

type Logger struct{ exit func(int) }

func (l *Logger) Fatal(msg string) { // want Fatal:"exits"
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}

// Exit calls a function value: not known to exit.
func (l *Logger) Exit(code int) { l.exit(code) }

func Recursive(n int) {
	if n > 0 {
		Recursive(n - 1)
	} else {
		Recursive(n + 1)
	}
}

func ReturnsFirst() {
	return
	os.Exit(1)
}
