// No drain anywhere: the start returns only on failure, and exiting then
// is right (missing-sigterm is what this program gets).
package main

import (
	"log"
	"net/http"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", nil))
}
