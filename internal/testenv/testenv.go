// Package testenv holds helpers for the tests that drive real tools (the
// go command, a custom golangci-lint) over temporary modules.
package testenv

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// RepoRoot returns the root directory of the sigtermcheck module: the
// directory of the go.mod that governs the test's working directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatal("the test does not run inside a module")
	}
	return filepath.Dir(gomod)
}

// RequireModules downloads the modules that the module in dir needs. It
// skips the test when that fails because the module proxy cannot be
// reached, the one reason these tests may not run, and fails it on any
// other error.
func RequireModules(t testing.TB, dir string) {
	t.Helper()
	start := time.Now()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Logf("go mod download in %s: %v", dir, time.Since(start).Round(time.Millisecond))
		return
	}
	if IsNetworkError(out) {
		t.Skipf("the Go module proxy is unreachable, so the modules cannot be downloaded:\n%s", out)
	}
	t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
}

// networkErrors are what the go command prints when it cannot reach the
// module proxy, as opposed to the proxy answering that something is
// missing or wrong.
var networkErrors = []string{
	"dial tcp",
	"no such host",
	"connection refused",
	"connection reset",
	"network is unreachable",
	"i/o timeout",
	"TLS handshake timeout",
	"Client.Timeout exceeded",
	"proxyconnect",
	"GOPROXY=off",
	"temporary failure in name resolution",
}

// IsNetworkError reports whether the go command's output says that the
// module proxy could not be reached.
func IsNetworkError(out []byte) bool {
	for _, s := range networkErrors {
		if bytes.Contains(bytes.ToLower(out), []byte(strings.ToLower(s))) {
			return true
		}
	}
	return false
}

// CopyDir copies the regular files of the tree src into dst.
func CopyDir(t testing.TB, dst, src string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s to %s: %v", src, dst, err)
	}
}

// WriteFile writes content to dir/name, creating directories as needed.
func WriteFile(t testing.TB, dir, name, content string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Env returns the test's environment with the given variables set,
// isolated from any go.work around the temporary modules.
func Env(kv ...string) []string {
	return append(append(os.Environ(), "GOWORK=off"), kv...)
}
