// The only server start is in generated code, which main calls: reported
// at main's call, with Related pointing at the start. No fix: the start
// is not in the statement reported.
package main

func main() { serveGenerated() } // want `server started by main.serveGenerated without handling SIGTERM: rollouts drop its requests; drain it on SIGTERM`
