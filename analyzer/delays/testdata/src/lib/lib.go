// Package lib has functions that delay and functions that do not.
package lib

import "time"

const grace = 15 * time.Second

// Sleep sleeps for a constant.
func Sleep() { time.Sleep(grace) } // want Sleep:"delays\\(15s\\)"

// SleepFor sleeps for a duration known only at run time.
func SleepFor(d time.Duration) { time.Sleep(d) } // want SleepFor:"delays\\(non-constant\\)"

// After waits on time.After after a statement that does not delay.
func After() { // want After:"delays\\(5s\\)"
	println("draining soon")
	<-time.After(5 * time.Second)
}

// Timer waits on a timer held in a variable.
func Timer() { // want Timer:"delays\\(2s\\)"
	t := time.NewTimer(2 * time.Second)
	defer t.Stop()
	<-t.C
}

// Select waits on timers only: the shorter one.
func Select() { // want Select:"delays\\(1s\\)"
	select {
	case <-time.After(3 * time.Second):
	case <-time.After(time.Second):
	}
}

// Helper delays through a helper of the package.
func Helper() { helper() } // want Helper:"delays\\(15s\\)"

func helper() { Sleep() }

// T has a method that delays.
type T struct{}

// Wait sleeps.
func (T) Wait() { time.Sleep(time.Minute) } // want Wait:"delays\\(1m0s\\)"

// Nested sleeps only on some calls.
func Nested(ok bool) {
	if ok {
		time.Sleep(grace)
	}
}

// SelectDefault does not wait when nothing is ready.
func SelectDefault() {
	select {
	case <-time.After(grace):
	default:
	}
}

// Recursive calls itself first: that call adds nothing, the sleep after
// it delays.
func Recursive() { // want Recursive:"delays\\(15s\\)"
	Recursive()
	time.Sleep(grace)
}

// Literal sleeps in a function literal it does not call.
func Literal() func() {
	return func() { time.Sleep(grace) }
}

var lb = time.NewTimer(grace)

// WaitForLB waits on a package-level timer.
func WaitForLB() { // want WaitForLB:"delays\\(15s\\)"
	lb.Reset(grace)
	<-lb.C
}
