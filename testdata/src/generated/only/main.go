// Only generated code (main itself, here) reaches the server start: no
// call in hand-written code to report at, so nothing is reported.
package main

import "net/http"

func hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello\n")) }
