package main

import (
	"context"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// The command's contract with editors: LSP on standard input and output,
// and exit status 0 only after shutdown and exit.

func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sigtermcheck-lsp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// pipes joins the process's pipes into the client's connection.
type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (s pipes) Close() error {
	return errors.Join(s.WriteCloser.Close(), s.ReadCloser.Close())
}

func TestExitStatus(t *testing.T) {
	bin := build(t)
	for _, tc := range []struct {
		name     string
		shutdown bool
		want     int
	}{
		{"shutdown then exit", true, 0},
		{"exit without shutdown", false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(pipes{stdout, stdin}, jsonrpc2.VSCodeObjectCodec{}),
				jsonrpc2.HandlerWithError(func(context.Context, *jsonrpc2.Conn, *jsonrpc2.Request) (any, error) { return nil, nil }))
			defer conn.Close()

			var res struct {
				ServerInfo struct{ Name string } `json:"serverInfo"`
			}
			if err := conn.Call(ctx, "initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, &res); err != nil {
				t.Fatalf("initialize: %v", err)
			}
			if res.ServerInfo.Name != "sigtermcheck-lsp" {
				t.Errorf("serverInfo.name = %q", res.ServerInfo.Name)
			}
			if err := conn.Notify(ctx, "initialized", map[string]any{}); err != nil {
				t.Fatal(err)
			}
			if tc.shutdown {
				if err := conn.Call(ctx, "shutdown", nil, nil); err != nil {
					t.Fatalf("shutdown: %v", err)
				}
			}
			if err := conn.Notify(ctx, "exit", nil); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			if ctx.Err() != nil {
				t.Fatalf("the server did not exit: %v", ctx.Err())
			}
			got := 0
			if ee, ok := err.(*exec.ExitError); ok {
				got = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("exit status %d, want %d; stderr:\n%s", got, tc.want, stderr.String())
			}
			// The log ("initialize from ...") went to the client: an
			// editor logs standard error as errors.
			if tc.want == 0 && stderr.Len() > 0 {
				t.Errorf("stderr after a normal session: %q, want nothing", stderr.String())
			}
		})
	}
}

func TestUsage(t *testing.T) {
	bin := build(t)
	out, err := exec.Command(bin, "-version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "sigtermcheck-lsp ") {
		t.Errorf("-version: %v, %q", err, out)
	}
	out, err = exec.Command(bin, "stray-argument").CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "usage: sigtermcheck-lsp") {
		t.Errorf("an argument: %v, %q; want status 2 and the usage", err, out)
	}
}
