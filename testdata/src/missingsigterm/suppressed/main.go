// Suppression directives, and malformed ones, which suppress nothing.
package main

import (
	"net/http"
)

func main() {
	//sigtermcheck:ignore missing-sigterm runs only in the local dev environment
	go http.ListenAndServe(":8080", nil)
	go http.ListenAndServe(":8081", nil) //sigtermcheck:ignore missing-sigterm dev only

	// want +1 `sigtermcheck:ignore directive gives no reason: say why the report does not apply \(directive\)`
	//sigtermcheck:ignore missing-sigterm
	go http.ListenAndServe(":8082", nil) // want `server started without handling SIGTERM`

	// want +1 `sigtermcheck:ignore directive names unknown check "missing-sigtrem"`
	//sigtermcheck:ignore missing-sigtrem typo in the check name
	go http.ListenAndServe(":8083", nil) // want `server started without handling SIGTERM`

	// want +1 `sigtermcheck:ignore directive names no check`
	//sigtermcheck:ignore
	go http.ListenAndServe(":8084", nil) // want `server started without handling SIGTERM`
}
