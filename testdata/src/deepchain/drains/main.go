// Command drains waits, then drains at the bottom of a chain of 40
// functions, each calling the next twice: the correct shape, not
// reported.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

var srv = &http.Server{Addr: ":8080"}

func main() {
	go func() {
		if err := srv.ListenAndServe(); err != http.ErrServerClosed {
			log.Print(err)
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	time.Sleep(15 * time.Second)
	d00()
}

func d00() {
	d01()
	d01()
}

func d01() {
	d02()
	d02()
}

func d02() {
	d03()
	d03()
}

func d03() {
	d04()
	d04()
}

func d04() {
	d05()
	d05()
}

func d05() {
	d06()
	d06()
}

func d06() {
	d07()
	d07()
}

func d07() {
	d08()
	d08()
}

func d08() {
	d09()
	d09()
}

func d09() {
	d10()
	d10()
}

func d10() {
	d11()
	d11()
}

func d11() {
	d12()
	d12()
}

func d12() {
	d13()
	d13()
}

func d13() {
	d14()
	d14()
}

func d14() {
	d15()
	d15()
}

func d15() {
	d16()
	d16()
}

func d16() {
	d17()
	d17()
}

func d17() {
	d18()
	d18()
}

func d18() {
	d19()
	d19()
}

func d19() {
	d20()
	d20()
}

func d20() {
	d21()
	d21()
}

func d21() {
	d22()
	d22()
}

func d22() {
	d23()
	d23()
}

func d23() {
	d24()
	d24()
}

func d24() {
	d25()
	d25()
}

func d25() {
	d26()
	d26()
}

func d26() {
	d27()
	d27()
}

func d27() {
	d28()
	d28()
}

func d28() {
	d29()
	d29()
}

func d29() {
	d30()
	d30()
}

func d30() {
	d31()
	d31()
}

func d31() {
	d32()
	d32()
}

func d32() {
	d33()
	d33()
}

func d33() {
	d34()
	d34()
}

func d34() {
	d35()
	d35()
}

func d35() {
	d36()
	d36()
}

func d36() {
	d37()
	d37()
}

func d37() {
	d38()
	d38()
}

func d38() {
	d39()
	d39()
}

func d39() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
