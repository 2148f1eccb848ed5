package testenv

import "testing"

func TestIsNetworkError(t *testing.T) {
	for _, tc := range []struct {
		out  string
		want bool
	}{
		{`go: golang.org/x/tools@v0.52.0: Get "https://proxy.golang.org/golang.org/x/tools/@v/v0.52.0.mod": dial tcp: lookup proxy.golang.org on 10.0.0.53:53: no such host`, true},
		{`go: example.com/m@v1.0.0: Get "http://127.0.0.1:1/example.com/m/@v/v1.0.0.mod": dial tcp 127.0.0.1:1: connect: connection refused`, true},
		{`go: 4d63.com/gocheckcompilerdirectives@v1.4.0: module lookup disabled by GOPROXY=off`, true},
		{`go: example.com/m@v1.0.0: reading https://proxy.golang.org/example.com/m/@v/v1.0.0.info: 404 Not Found`, false},
		{`verifying golang.org/x/tools@v0.52.0: checksum mismatch`, false},
	} {
		if got := IsNetworkError([]byte(tc.out)); got != tc.want {
			t.Errorf("IsNetworkError(%q) = %v, want %v", tc.out, got, tc.want)
		}
	}
}
