package main

import "net/http"

func init() {
	go http.ListenAndServe(":8080", nil)
}
