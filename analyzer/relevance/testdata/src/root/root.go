// Package root stands for net/http: a root says it matters. // want package:"matters"
package root

func Serve() {}
