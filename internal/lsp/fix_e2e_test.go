package lsp

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/fix"
)

// The rules' own fixes, through the real linter: the quick fix for a
// typo'd key, applied by the test client to its text, clears the
// diagnostic (issue 16's must-show), in YAML, in a flow mapping after
// CJK and an emoji on the same line, inside a JSON-string parameter after
// them, in a JSON file with a BOM and CRLF line ends and in a ROS template.
func TestQuickFixForTypoedKeyClearsDiagnostic(t *testing.T) {
	const api = "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\n" +
		"Description: 获取😀用户\n" +
		"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}\n" +
		"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
	const jsonAPI = "\uFEFF{\"Action\": \"CreateApi\", \"GroupId\": \"08ae4aa0f95e4321849ee57f4e0b3077\", \"Description\": \"获取😀用户\", \"ApiName\": \"GetUser\", \"Visibility\": \"PRIVATE\",\r\n" +
		" \"AuthType\": \"APP\", \"RequestConfig\": {\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"RequestPath\": \"/users\", \"RequestMode\": \"MAPPING\"},\r\n" +
		" \"ServiceConfig\": {\"ServiceProtocol\": \"HTTP\", \"ServiceAddress\": \"http://users.internal:8080\", \"ServiceTimeout\": 3000}}\r\n"
	for _, tt := range []struct {
		name, file, fixed, typo string
		rule                    string
	}{
		{"top-level key", "a.yaml", api, "Visiblity", "unknown-field"},
		{"flow mapping after CJK and an emoji", "b.yaml",
			strings.Replace(api, "RequestMode: MAPPING}", "RequestMode: MAPPING, PostBodyDescription: 获取😀, BodyFormat: FORM}", 1), "BodyFromat", "unknown-nested-field"},
		{"JSON-string parameter after CJK and an emoji", "c.yaml",
			strings.Replace(api, "RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}",
				`RequestConfig: '{"RequestProtocol": "HTTP", "RequestHttpMethod": "GET", "PostBodyDescription": "获取😀", "RequestPath": "/users", "RequestMode": "MAPPING"}'`, 1),
			"RequestPth", "unknown-field"},
		{"JSON file with a BOM and CRLF", "d.json", jsonAPI, "Visiblity", "unknown-field"},
		{"ROS template", "e.ros.yaml", rosTemplate, "RequestMod", "unknown-nested-field"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			right := map[string]string{"Visiblity": "Visibility", "BodyFromat": "BodyFormat", "RequestPth": "RequestPath", "RequestMod": "RequestMode"}[tt.typo]
			text := strings.Replace(tt.fixed, right, tt.typo, 1)
			if text == tt.fixed {
				t.Fatalf("%s is not in the text", right)
			}
			root := t.TempDir()
			c := newTestClient(t, Options{})
			c.initWith(root, literalClient)
			uri := pathToURI(filepath.Join(root, tt.file))
			c.open(uri, text)
			before := c.diagnostics(uri, 1).Diagnostics
			var typo *Diagnostic
			for i := range before {
				if before[i].Code == tt.rule && strings.Contains(before[i].Message, tt.typo) {
					typo = &before[i]
				}
			}
			if typo == nil {
				t.Fatalf("no %s diagnostic for %s in %+v", tt.rule, tt.typo, before)
			}
			// The client asks at the cursor inside the key.
			at := typo.Range.Start
			at.Character++
			var quick *CodeAction
			for _, a := range c.codeActions(uri, Range{Start: at, End: at}, nil) {
				if a.Kind == kindQuickFix && len(a.Diagnostics) == 1 && a.Diagnostics[0].Range == typo.Range {
					quick = &a
				}
			}
			if quick == nil || !quick.IsPreferred || strings.Contains(quick.Title, "(unsafe)") || !strings.Contains(quick.Title, right) {
				t.Fatalf("quick fix %+v, want a safe one naming %s", quick, right)
			}
			fixed := applyEdits(t, text, editsFor(t, quick.Edit, uri, 1))
			if fixed != tt.fixed {
				t.Fatalf("applied:\n%q\nwant:\n%q", fixed, tt.fixed)
			}
			c.change(uri, 2, fixed)
			after := c.diagnostics(uri, 2).Diagnostics
			for _, d := range after {
				if d.Code == tt.rule {
					t.Errorf("after the fix: %+v", d)
				}
			}
			if len(after) != len(before)-1 {
				t.Errorf("after the fix %d diagnostics, want %d: %+v", len(after), len(before)-1, after)
			}
		})
	}
}

// Fix all in the editor makes the same edits as one pass of
// `apigwlint lint --fix` (internal/fix.Apply) on the same diagnostics:
// four typos in one file: top-level keys, a key in a flow mapping and one
// inside a JSON-string parameter, below a line of CJK and an emoji.
func TestFixAllMatchesCommandLine(t *testing.T) {
	text := "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: GetUser\nVisiblity: PRIVATE\nAuthTyp: APP\n" +
		"Description: 获取😀用户\n" +
		`RequestConfig: '{"RequestProtocol": "HTTP", "RequestHttpMethod": "GET", "RequestPth": "/users", "RequestMode": "MAPPING"}'` + "\n" +
		"ServiceConfig: {ServiceProtocol: HTTP, ServiceAdress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
	root := t.TempDir()
	path := filepath.Join(root, "a.yaml")
	ds, err := FileLinter{}.Lint(context.Background(), root, map[string][]byte{path: []byte(text)}, []string{path})
	if err != nil {
		t.Fatal(err)
	}
	cli, pass := fix.Apply([]byte(text), ds, false)
	if pass.Applied != 4 {
		t.Fatalf("the command line applies %d fixes, want 4: %+v", pass.Applied, ds)
	}
	c := newTestClient(t, Options{})
	c.initWith(root, literalClient)
	uri := pathToURI(path)
	c.open(uri, text)
	c.diagnostics(uri, 1)
	actions := c.codeActions(uri, rng(0, 0, 0, 0), []string{"source.fixAll"})
	if len(actions) != 1 {
		t.Fatalf("fix all: %+v", actions)
	}
	editor := applyEdits(t, text, editsFor(t, actions[0].Edit, uri, 1))
	if editor != string(cli) {
		t.Fatalf("the editor's fix all:\n%s\nthe command line's:\n%s", editor, cli)
	}
	c.change(uri, 2, editor)
	for _, d := range c.diagnostics(uri, 2).Diagnostics {
		if strings.HasPrefix(d.Code, "unknown-") {
			t.Errorf("after fix all: %+v", d)
		}
	}
}

// Definition on a real clash (duplicate-api-path) goes to the other file:
// between two open files, from either side, and to a file on disk that is
// not open (a file URI, its columns read from the file).
func TestDefinitionOnRealClash(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	def := func(name, path string) string {
		return "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: " + name + "\nVisibility: PRIVATE\nAuthType: ANONYMOUS\n" +
			"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: " + path + ", RequestMode: MAPPING}\n" +
			"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
	}
	onDisk := filepath.Join(root, "apis", "c.yaml")
	if err := os.MkdirAll(filepath.Dir(onDisk), 0o755); err != nil {
		t.Fatal(err)
	}
	// On disk, a line of CJK and an emoji above, and the path after them.
	const prefix = "RequestConfig: {PostBodyDescription: 获取😀, RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: "
	if err := os.WriteFile(onDisk, []byte("# 获取😀\n"+strings.Replace(def("ListItems", "/items"), "RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: ", prefix, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newTestClient(t, Options{})
	c.initWith(root, literalClient)
	uriA := pathToURI(filepath.Join(root, "apis", "a.yaml"))
	uriB := pathToURI(filepath.Join(root, "apis", "b.yaml"))
	c.open(uriA, def("ListUsers", "/users"))
	c.diagnostics(uriA, 1)
	c.open(uriB, def("ListOrders", "/orders"))
	c.diagnostics(uriB, 1)
	c.change(uriA, 2, def("ListUsers", "/orders"))
	gotA := c.diagnostics(uriA, 2).Diagnostics
	c.diagnostics(uriB, 1)
	if len(gotA) != 1 || gotA[0].Code != "duplicate-api-path" {
		t.Fatalf("a: %+v", gotA)
	}
	pathAt := gotA[0].Range.Start
	if got := c.definition(uriA, pathAt); len(got) != 1 || got[0].URI != uriB || got[0].Range != gotA[0].Range {
		t.Errorf("from a: %+v, want b's RequestPath at %v", got, gotA[0].Range)
	}
	if got := c.definition(uriB, pathAt); len(got) != 1 || got[0].URI != uriA || got[0].Range != gotA[0].Range {
		t.Errorf("from b: %+v, want a's RequestPath at %v", got, gotA[0].Range)
	}
	// Now a clashes with the closed c.yaml.
	c.change(uriA, 3, def("ListUsers", "/items"))
	gotA = c.diagnostics(uriA, 3).Diagnostics
	if len(gotA) != 1 || gotA[0].Code != "duplicate-api-path" {
		t.Fatalf("a and c: %+v", gotA)
	}
	// The prefix is 102 characters, 103 UTF-16 units (read from the file).
	want := Location{URI: pathToURI(onDisk), Range: rng(6, 103, 6, 109)}
	if got := c.definition(uriA, gotA[0].Range.End); len(got) != 1 || got[0] != want {
		t.Errorf("to the closed file: %+v, want %+v", got, want)
	}
}

// The editor's result cache keeps fixes: a text checked before (here the
// typo back after an undo) comes from the cache, with its quick fix.
func TestQuickFixFromTheCache(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{Linter: FileLinter{CacheDir: t.TempDir()}})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	typo := strings.Replace(fixAPIText, "Visibility:", "Visiblity:", 1)
	c.open(uri, typo)
	c.diagnostics(uri, 1)
	first := c.codeActions(uri, rng(3, 2, 3, 2), []string{"quickfix"})
	c.change(uri, 2, fixAPIText)
	c.diagnostics(uri, 2)
	c.change(uri, 3, typo)
	c.diagnostics(uri, 3)
	again := c.codeActions(uri, rng(3, 2, 3, 2), []string{"quickfix"})
	if len(first) != 1 || len(again) != 1 || first[0].Title != again[0].Title {
		t.Fatalf("quick fixes before %+v and from the cache %+v, want the same one", first, again)
	}
	if a, b := editsFor(t, first[0].Edit, uri, 1), editsFor(t, again[0].Edit, uri, 3); len(a) != 1 || len(b) != 1 || a[0] != b[0] {
		t.Errorf("edits %+v then %+v", a, b)
	}
}

const fixAPIText = "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\n" +
	"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}\n" +
	"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"

// Definition on a duplicate key goes to the first one, in the same
// document (UTF-16 columns).
func TestDefinitionOnDuplicateKey(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "dup.json"))
	c.open(uri, `{"😀": 1, "😀": 2}`)
	c.diagnostics(uri, 1)
	if got := c.definition(uri, Position{Line: 0, Character: 12}); len(got) != 1 || got[0] != (Location{URI: uri, Range: rng(0, 1, 0, 5)}) {
		t.Errorf("definition on the second key: %+v, want the first at 0:1-0:5", got)
	}
}

// TestEditorReachesFixFixtures: the editor gets from each before fixture
// of `lint --fix` (testdata/fix/<case>/in.*) to its after fixture, byte
// for byte, by the code actions alone: the fix-all action, or with
// --unsafe-fixes in the case's flags the first quick fix of the file,
// applied by the client and sent back, until none is offered. YAML, JSON
// strings, JSON files, ROS templates and s.yaml files all go through the
// server's UTF-16 positions.
func TestEditorReachesFixFixtures(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("..", "..", "testdata", "fix", "*"))
	if err != nil || len(cases) < 8 {
		t.Fatalf("fixtures: %v %v", cases, err)
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ins, _ := filepath.Glob(filepath.Join(dir, "in.*"))
			if len(ins) != 1 {
				t.Fatalf("want one in.* in %s", dir)
			}
			ext := filepath.Ext(ins[0])
			in, err := os.ReadFile(ins[0])
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, "out"+ext))
			if err != nil {
				t.Fatal(err)
			}
			flags, _ := os.ReadFile(filepath.Join(dir, "flags"))
			unsafe := strings.Contains(string(flags), "--unsafe-fixes")
			root := t.TempDir()
			c := newTestClient(t, Options{})
			c.initWith(root, literalClient)
			uri := pathToURI(filepath.Join(root, "in"+ext))
			text, version := string(in), 1
			c.open(uri, text)
			c.diagnostics(uri, version)
			applied, sawUnsafe := 0, false
			for ; applied < 20; applied++ {
				var actions []CodeAction
				if unsafe {
					actions = c.codeActions(uri, rng(0, 0, 1<<30, 0), []string{"quickfix"})
				} else {
					actions = c.codeActions(uri, rng(0, 0, 0, 0), []string{"source.fixAll"})
				}
				if len(actions) == 0 {
					break
				}
				for _, a := range actions {
					if a.Kind != kindQuickFix {
						continue
					}
					if strings.HasSuffix(a.Title, " (unsafe)") == a.IsPreferred {
						t.Errorf("%q: preferred %v", a.Title, a.IsPreferred)
					}
					sawUnsafe = sawUnsafe || !a.IsPreferred
				}
				text = applyEdits(t, text, editsFor(t, actions[0].Edit, uri, version))
				version++
				c.change(uri, version, text)
				c.diagnostics(uri, version)
			}
			if applied == 0 {
				t.Fatal("no code action was offered")
			}
			if unsafe && !sawUnsafe {
				t.Error("no unsafe quick fix was offered")
			}
			if text != string(want) {
				t.Fatalf("after %d code actions:\n%s\nwant:\n%s", applied, text, want)
			}
		})
	}
}
