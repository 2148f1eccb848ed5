// No server: nothing to report, signals or not.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	resp, err := http.Get("http://example.com")
	fmt.Println(resp, err)
}
