// log.Fatal(http.ListenAndServe(...)) as main's last statement: the fix
// rewrites it into the graceful shape.
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
	// Serve until killed.
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `server started without handling SIGTERM`
}
