module fn

go 1.26

require github.com/spf13/cobra v1.10.1

// The reproducers need only cobra's shape: the analyzer tests' stub, so
// that they build offline.
replace github.com/spf13/cobra => ../../../testdata/src/github.com/spf13/cobra
