package exits_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/sigtermcheck/sigtermcheck/analyzer/exits"
)

// TestExits asserts the exits facts of a library and of a package that
// calls it: terminating statements ending in exits or panics exit; loops,
// blocks, Goexit, function values, breaks and recursion do not.
func TestExits(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), exits.Analyzer, "lib", "user")
}
