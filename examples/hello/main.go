// Command hello is the smallest server there is, and the most common
// mistake: it never handles SIGTERM, so every rollout kills it with
// requests in flight.
package main

import (
	"fmt"
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello")
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
