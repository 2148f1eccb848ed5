// The only server start is in a test file: never reported.
package main

func main() {}
