// Package results has what the Result says of each function, exported
// or not.
package results

import (
	"lib"
	"time"
)

func sleep() { time.Sleep(10 * time.Second) } // want `delay 10s`

func viaFact() { lib.SleepFor(time.Second) } // want `delay non-constant`

func viaHelper() { // want `delay 10s`
	sleep()
}

func ticker() { // want `delay 1ms`
	var t = time.NewTicker(time.Millisecond)
	<-t.C
}

func fieldTimer(t *time.Timer) { <-t.C }

func none() {}
