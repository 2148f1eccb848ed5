// Hand-written code enters generated code twice on the way to the start:
// reported where the last entry calls it (run's call of Serve), and at the
// method value handed to a goroutine, not at main's call of Setup.
package main

func main() {
	Setup()
	select {}
}

func run() {
	Serve(":8080") // want `server started by main.Serve without handling SIGTERM`
}

func start(a *API) {
	go a.Listen() // want `server started by main.API.Listen without handling SIGTERM`
	f := a.Listen // want `server started by main.API.Listen without handling SIGTERM`
	go f()
}
