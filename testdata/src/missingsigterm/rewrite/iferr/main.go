// An if statement around a TLS start of an existing server; ctx and srv
// are taken, and the original error handling is kept.
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	ctx := "config"
	fmt.Println(ctx)
	srv := &http.Server{Addr: ":8443"}
	if err := srv.ListenAndServeTLS("cert.pem", "key.pem"); err != nil { // want `server started without handling SIGTERM`
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
