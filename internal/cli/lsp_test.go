package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func framed(bodies ...string) string {
	var b strings.Builder
	for _, body := range bodies {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	return b.String()
}

// TestLSPCommand runs `apigwlint lsp` in-process for a minimal session;
// internal/lsp tests the server itself.
func TestLSPCommand(t *testing.T) {
	in := framed(
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	)
	var stdout, stderr bytes.Buffer
	code := testMain([]string{"lsp", "--stdio"}, strings.NewReader(in), &stdout, &stderr)
	if code != ExitOK {
		t.Errorf("exit status %d, want 0; stderr: %s", code, stderr.String())
	}
	for _, want := range []string{`"id":1,"result":{"capabilities":`, `"name":"apigwlint"`, `"id":2,"result":null`} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, stdout.String())
		}
	}
	// The client vanishing without shutdown is status 1, as the protocol says.
	if code := testMain([]string{"lsp"}, strings.NewReader(""), &stdout, &stderr); code != 1 {
		t.Errorf("end of input without shutdown: status %d, want 1", code)
	}
}

func TestLSPCommandUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := testMain([]string{"lsp", "--help"}, strings.NewReader(""), &stdout, &stderr); code != ExitOK || !strings.Contains(stderr.String(), "-debounce duration") {
		t.Errorf("lsp --help: status %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := testMain([]string{"lsp", "extra"}, strings.NewReader(""), &stdout, &stderr); code != ExitUsage || !strings.Contains(stderr.String(), `unexpected argument "extra"`) {
		t.Errorf("lsp extra: status %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := testMain([]string{"lsp", "--debounce", "soon"}, strings.NewReader(""), &stdout, &stderr); code != ExitUsage {
		t.Errorf("lsp --debounce soon: status %d, want 2", code)
	}
}
