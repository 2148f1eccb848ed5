// The only server start is in generated code: never reported.
package main

func main() { serveGenerated() }
