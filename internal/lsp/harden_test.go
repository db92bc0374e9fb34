package lsp

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/lsp/jsonrpc"
)

func hoverDef(name string) string {
	return "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: " + name + "\nVisibility: PRIVATE\nAuthType: ANONYMOUS\n" +
		"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}\n" +
		"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
}

// After a message framed with a wrong Content-Length (too large, or too
// small), the next well-framed request is answered.
func TestWrongContentLengthThenRequest(t *testing.T) {
	c := newTestClient(t, Options{Linter: LinterFunc(nopLint)})
	c.initialize(t.TempDir())
	uri := pathToURI(filepath.Join(t.TempDir(), "a.yaml"))
	c.open(uri, "Action: CreateApi\nVisibility: PUBLIC\n")
	hover := textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: Position{Line: 1, Character: 2}}
	for name, bad := range map[string]string{
		"too large": "Content-Length: 100000\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":70,\"method\":\"shutdown\"}",
		"too small": "Content-Length: 10\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":71,\"method\":\"shutdown\"}",
	} {
		c.conn.WriteBytes([]byte(bad))
		var h Hover
		c.result(c.call("textDocument/hover", hover), &h) // fails the test when not answered
		if !strings.Contains(h.Contents.Value, "Whether the API is public") {
			t.Errorf("%s: hover after it = %q", name, h.Contents.Value)
		}
		if m := c.take(waitLimit, func(m *jsonrpc.Message) bool { return m.Method == "" && string(m.ID) == "null" }); m == nil || m.Error == nil || m.Error.Code != jsonrpc.ParseError {
			t.Errorf("%s: no parse error answered: %+v", name, m)
		}
	}
	// The shutdowns inside the mis-framed messages were not run.
	var h Hover
	c.result(c.call("textDocument/hover", hover), &h)
}

func nopLint(context.Context, string, map[string][]byte, []string) ([]diag.Diagnostic, error) {
	return nil, nil
}

// A document over the file size limit gets a limit diagnostic and no
// analysis: hover does not parse it (it used to, whatever its size).
func TestHoverHonoursSizeLimit(t *testing.T) {
	c := newTestClient(t, Options{Linter: LinterFunc(nopLint)})
	c.initialize(t.TempDir())
	uri := pathToURI(filepath.Join(t.TempDir(), "big.yaml"))
	text := "Action: CreateApi\nVisibility: PUBLIC\n" + strings.Repeat("# padding padding padding padding\n", lint.DefaultMaxFileSize/34+1)
	if len(text) <= lint.DefaultMaxFileSize {
		t.Fatal("the document is not over the limit")
	}
	c.open(uri, text)
	m := c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: Position{Line: 1, Character: 2}})
	if m.Error != nil || string(m.Result) != "null" {
		t.Errorf("hover over a document over the limit: %s %+v", m.Result, m.Error)
	}
	c.open(uri, "Action: CreateApi\nVisibility: PUBLIC\n")
}

// A workspace that is the home directory (or /) is not walked: only the
// open documents are checked, and the user is told why.
func TestBroadWorkspaceRoot(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	project := filepath.Join(home, "project")
	if err := os.MkdirAll(project, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(project, "existing.yaml"), []byte(hoverDef("GetUser")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		root  string
		broad bool
	}{{project, false}, {home, true}} {
		c := newTestClient(t, Options{})
		c.initialize(tc.root)
		msg := c.take(waitLimit/10, func(m *jsonrpc.Message) bool { return m.Method == "window/showMessage" })
		if (msg != nil) != tc.broad {
			t.Errorf("root %s: showMessage %v, want %v", tc.root, msg != nil, tc.broad)
		}
		if msg != nil {
			var p logMessageParams
			json.Unmarshal(msg.Params, &p)
			if !strings.Contains(p.Message, "only open files are checked") {
				t.Errorf("message: %q", p.Message)
			}
		}
		uri := pathToURI(filepath.Join(project, "new.yaml"))
		c.open(uri, hoverDef("GetUser"))
		got := c.diagnostics(uri, 1)
		clash := false
		for _, d := range got.Diagnostics {
			clash = clash || d.Code == "duplicate-api-name"
		}
		if clash == tc.broad || !clash && len(got.Diagnostics) != 0 {
			t.Errorf("root %s: diagnostics %+v (the project was walked: %v, want %v)", tc.root, got.Diagnostics, clash, !tc.broad)
		}
		c.shutdown()
	}
	for dir, want := range map[string]bool{"/": true, home: true, filepath.Dir(home): true, project: false} {
		if broadRoot(dir) != want {
			t.Errorf("broadRoot(%s) = %v", dir, !want)
		}
	}
}

// A multi-megabyte unknown key in an open document: its diagnostic
// quotes a line of it, not all of it (and takes no minutes to compute).
func TestHugeKeyInOpenDocument(t *testing.T) {
	c := newTestClient(t, Options{})
	root := t.TempDir()
	c.initialize(root)
	uri := pathToURI(filepath.Join(root, "api.yaml"))
	c.open(uri, hoverDef("GetUser")+strings.Repeat("K", 5<<20)+": 1\n")
	got := c.diagnostics(uri, 1)
	if len(got.Diagnostics) == 0 {
		t.Fatal("no diagnostics")
	}
	for _, d := range got.Diagnostics {
		if len(d.Message) > 1000 {
			t.Errorf("[%s] message of %d bytes", d.Code, len(d.Message))
		}
	}
}
