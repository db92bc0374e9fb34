package lsp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A clash between two open files shows in both, with the real linter: the
// file being typed in does not look clean because the other one sorts
// later. When one changes, the other is republished: the clash appears in
// the file that did not change and goes away from it when it is fixed.
func TestClashShowsInBothOpenFiles(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	def := func(name, path string) string {
		return "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: " + name + "\nVisibility: PRIVATE\nAuthType: ANONYMOUS\n" +
			"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: " + path + ", RequestMode: MAPPING}\n" +
			"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
	}
	c := newTestClient(t, Options{})
	c.initialize(root)
	// b sorts after a; the user types in a.
	uriA := pathToURI(filepath.Join(root, "apis", "a.yaml"))
	uriB := pathToURI(filepath.Join(root, "apis", "b.yaml"))
	c.open(uriB, def("ListOrders", "/orders"))
	if got := c.diagnostics(uriB, 1); len(got.Diagnostics) != 0 {
		t.Fatalf("b alone: %+v", got.Diagnostics)
	}
	c.open(uriA, def("ListUsers", "/users"))
	if got := c.diagnostics(uriA, 1); len(got.Diagnostics) != 0 {
		t.Fatalf("a alone: %+v", got.Diagnostics)
	}
	c.change(uriA, 2, def("ListUsers", "/orders"))
	gotA := c.diagnostics(uriA, 2)
	gotB := c.diagnostics(uriB, 1) // republished: b did not change
	for _, x := range []struct {
		name, other string
		got         PublishDiagnosticsParams
	}{{"a", uriB, gotA}, {"b", uriA, gotB}} {
		ds := x.got.Diagnostics
		if len(ds) != 1 || ds[0].Code != "duplicate-api-path" || ds[0].Range.Start.Line != 5 {
			t.Fatalf("%s: %+v", x.name, ds)
		}
		if rel := ds[0].RelatedInformation; len(rel) != 1 || rel[0].Location.URI != x.other || rel[0].Location.Range.Start.Line != 5 {
			t.Fatalf("%s: related %+v", x.name, rel)
		}
	}
	if !strings.Contains(gotA.Diagnostics[0].Message, "(API ListOrders)") || !strings.Contains(gotB.Diagnostics[0].Message, "(API ListUsers)") {
		t.Errorf("each file names the other: %q / %q", gotA.Diagnostics[0].Message, gotB.Diagnostics[0].Message)
	}
	// Fixed in a: b is cleared too.
	c.change(uriA, 3, def("ListUsers", "/users"))
	if got := c.diagnostics(uriA, 3); len(got.Diagnostics) != 0 {
		t.Fatalf("a fixed: %+v", got.Diagnostics)
	}
	if got := c.diagnostics(uriB, 1); len(got.Diagnostics) != 0 {
		t.Fatalf("b after the fix in a: %+v", got.Diagnostics)
	}
}

// The configuration's root key sets the project the editor compares with,
// as it does for the command line: here the workspace is a subdirectory
// whose configuration names its parent, and a clash with a file there is
// found.
func TestProjectLinterHonoursRootKey(t *testing.T) {
	parent := t.TempDir()
	if err := os.Mkdir(filepath.Join(parent, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(parent, "team")
	def := "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: GetUser\n"
	for name, text := range map[string]string{
		filepath.Join(ws, ".apigwlint.yaml"):     "root: ..\n",
		filepath.Join(parent, "other", "a.yaml"): def,
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open := filepath.Join(ws, "b.yaml")
	ds, err := FileLinter{}.Lint(context.Background(), ws, map[string][]byte{open: []byte(def)}, []string{open})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range ds {
		found = found || d.Rule == "duplicate-api-name"
	}
	if !found {
		t.Fatalf("no clash with ../other/a.yaml: %v", ds)
	}
}
