// Command nolint is bare with its report suppressed by golangci-lint.
package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {})
	log.Fatal(http.ListenAndServe(":8080", nil)) //nolint:sigtermcheck // a local tool, never run in Kubernetes
}
