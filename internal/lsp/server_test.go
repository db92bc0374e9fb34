package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lsp/jsonrpc"
	"github.com/apigwlint/apigwlint/internal/source"
)

// TestSessionDiagnostics runs a whole session with the real engine: a
// faulty file's diagnostics arrive with exact UTF-16 ranges, fixing it
// clears them, closing it clears them, shutdown and exit end it cleanly.
func TestSessionDiagnostics(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{})
	var init initializeResult
	c.result(c.call("initialize", map[string]any{"rootUri": pathToURI(root), "capabilities": map[string]any{}}), &init)
	caps := init.Capabilities
	if caps.TextDocumentSync.Change != 1 || !caps.TextDocumentSync.OpenClose || !caps.HoverProvider || len(caps.CompletionProvider.TriggerCharacters) == 0 {
		t.Errorf("capabilities = %+v, want full sync with open/close, hover and completion with trigger characters", caps)
	}
	c.notify("initialized", map[string]any{})

	uri := pathToURI(filepath.Join(root, "apis", "get-user.yaml"))
	c.open(uri, readFixture(t, "faulty.yaml"))
	got := c.diagnostics(uri, 1)
	type want struct {
		r    Range
		code string
		msg  string
	}
	wants := []want{
		// "ApiName: 获取😀用户": the emoji is two UTF-16 units.
		{rng(4, 9, 4, 15), "schema", `ApiName "获取😀用户" is not valid`},
		{rng(5, 12, 5, 18), "schema", `Visibility "PUBLIK" is not one of PUBLIC, PRIVATE`},
		// Inside the JSON string, after "/用户/😀": 62 characters, 63 units.
		{rng(6, 63, 6, 69), "schema", `RequestConfig.RequestHttpMethod "GETT" is not one of`},
	}
	if len(got.Diagnostics) != len(wants) {
		t.Fatalf("got %d diagnostics, want %d: %+v", len(got.Diagnostics), len(wants), got.Diagnostics)
	}
	for i, w := range wants {
		d := got.Diagnostics[i]
		if d.Range != w.r || d.Code != w.code || !strings.Contains(d.Message, w.msg) {
			t.Errorf("diagnostic %d = %v %s %q, want %v %s %q", i, d.Range, d.Code, d.Message, w.r, w.code, w.msg)
		}
		if d.Severity != severityError || d.Source != "apigwlint" || d.CodeDescription == nil ||
			d.CodeDescription.Href != "https://github.com/apigwlint/apigwlint/blob/main/docs/rules.md#schema" {
			t.Errorf("diagnostic %d: severity %d source %q codeDescription %+v", i, d.Severity, d.Source, d.CodeDescription)
		}
	}

	c.change(uri, 2, readFixture(t, "fixed.yaml"))
	if got := c.diagnostics(uri, 2); got.Diagnostics == nil || len(got.Diagnostics) != 0 {
		t.Errorf("after the fix: %+v, want an empty list", got.Diagnostics)
	}
	c.change(uri, 3, readFixture(t, "faulty.yaml"))
	if got := c.diagnostics(uri, 3); len(got.Diagnostics) != 3 {
		t.Errorf("mistakes back: got %d diagnostics, want 3", len(got.Diagnostics))
	}
	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	if got := c.diagnostics(uri, -1); len(got.Diagnostics) != 0 {
		t.Errorf("after close: %+v, want an empty list", got.Diagnostics)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit status after shutdown = %d, want 0", code)
	}
}

// TestRelatedInSameFile: a duplicate key points at the first one, in the
// same document, with UTF-16 columns.
func TestRelatedInSameFile(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{})
	c.initialize(root)
	uri := pathToURI(filepath.Join(root, "dup.json"))
	c.open(uri, `{"😀": 1, "😀": 2}`)
	got := c.diagnostics(uri, 1)
	var dup *Diagnostic
	for i := range got.Diagnostics {
		if got.Diagnostics[i].Code == "duplicate-key" {
			dup = &got.Diagnostics[i]
		}
	}
	if dup == nil {
		t.Fatalf("no duplicate-key diagnostic in %+v", got.Diagnostics)
	}
	if dup.Range != rng(0, 10, 0, 14) {
		t.Errorf("duplicate key at %v, want 0:10-0:14", dup.Range)
	}
	if len(dup.RelatedInformation) != 1 || dup.RelatedInformation[0].Location.URI != uri ||
		dup.RelatedInformation[0].Location.Range != rng(0, 1, 0, 5) {
		t.Errorf("related = %+v, want the first key at 0:1-0:5 in the same document", dup.RelatedInformation)
	}
}

func TestNotADefinitionIsQuiet(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{})
	c.initialize(root)
	uri := pathToURI(filepath.Join(root, "docker-compose.yml"))
	c.open(uri, "services:\n  web:\n    image: nginx\n")
	if got := c.diagnostics(uri, 1); len(got.Diagnostics) != 0 {
		t.Errorf("a YAML file that is no definition got %+v, want none", got.Diagnostics)
	}
	// A syntax error is still one, definition or not.
	c.change(uri, 2, "services: [\n")
	if got := c.diagnostics(uri, 2); len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "syntax" {
		t.Errorf("broken YAML got %+v, want one syntax diagnostic", got.Diagnostics)
	}
}

// clashLinter stands in for the project linter: it reports two open
// definitions with the same GroupId and ApiName, each pointing at the
// other. The real cross-file rules (internal/lint's project run with
// overlays) plug in at exactly this place, through the Linter interface.
type clashLinter struct {
	mu    sync.Mutex
	calls int
}

func (l *clashLinter) Lint(_ context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
	l.mu.Lock()
	l.calls++
	l.mu.Unlock()
	type api struct {
		path string
		key  string
		rng  diag.Range
	}
	var apis []api
	for _, p := range paths {
		f := source.Load(p, overlays[p], source.DefaultOptions)
		for _, d := range f.Docs {
			name := d.Root.Get("ApiName")
			if name == nil {
				continue
			}
			apis = append(apis, api{path: p, key: d.Root.Str("GroupId") + "/" + name.Scalar(), rng: name.Range})
		}
	}
	var out []diag.Diagnostic
	for _, a := range apis {
		for _, b := range apis {
			if a.path != b.path && a.key == b.key {
				rel, _ := filepath.Rel(root, b.path)
				out = append(out, diag.Diagnostic{
					File: a.path, Range: a.rng, Severity: diag.Error, Rule: "api-name-duplicate",
					Message: fmt.Sprintf("API name %q is also used in %s", a.key, filepath.ToSlash(rel)),
					Related: []diag.Related{{File: filepath.ToSlash(rel), Range: b.rng, Message: "the other definition"}},
				})
			}
		}
	}
	return out, nil
}

func TestCrossFileClashAppearsAndDisappears(t *testing.T) {
	root := t.TempDir()
	lin := &clashLinter{}
	c := newTestClient(t, Options{Linter: lin})
	c.initialize(root)
	uriA := pathToURI(filepath.Join(root, "a.yaml"))
	uriB := pathToURI(filepath.Join(root, "b.yaml"))
	def := func(name string) string {
		return "Action: CreateApi\nGroupId: g1\nApiName: " + name + "\n"
	}
	c.open(uriA, def("GetUser"))
	if got := c.diagnostics(uriA, 1); len(got.Diagnostics) != 0 {
		t.Fatalf("a alone: %+v", got.Diagnostics)
	}
	c.open(uriB, def("ListUsers"))
	if got := c.diagnostics(uriB, 1); len(got.Diagnostics) != 0 {
		t.Fatalf("b distinct: %+v", got.Diagnostics)
	}

	// b now takes a's name: a, unchanged, gets the finding too.
	c.change(uriB, 2, def("GetUser"))
	gotB := c.diagnostics(uriB, 2)
	gotA := c.diagnostics(uriA, 1)
	if len(gotA.Diagnostics) != 1 || len(gotB.Diagnostics) != 1 {
		t.Fatalf("clash: a has %d, b has %d diagnostics, want 1 each", len(gotA.Diagnostics), len(gotB.Diagnostics))
	}
	d := gotA.Diagnostics[0]
	if d.Code != "api-name-duplicate" || d.Range != rng(2, 9, 2, 16) {
		t.Errorf("a's diagnostic = %s at %v, want api-name-duplicate at 2:9-2:16", d.Code, d.Range)
	}
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.URI != uriB ||
		d.RelatedInformation[0].Location.Range != rng(2, 9, 2, 16) {
		t.Errorf("a's related information = %+v, want b's ApiName", d.RelatedInformation)
	}

	// b is renamed again: both are cleared.
	c.change(uriB, 3, def("ListUsers"))
	if got := c.diagnostics(uriB, 3); len(got.Diagnostics) != 0 {
		t.Errorf("b after rename: %+v", got.Diagnostics)
	}
	if got := c.diagnostics(uriA, 1); len(got.Diagnostics) != 0 {
		t.Errorf("a after b's rename: %+v", got.Diagnostics)
	}
	// A change that alters nothing for a does not re-send a's list.
	c.change(uriB, 4, def("ListUsers")+"# comment\n")
	c.diagnostics(uriB, 4)
	c.noDiagnostics(uriA, 100*time.Millisecond)
}

// TestDebounce sends a burst of changes: one lint runs, on the last text.
func TestDebounce(t *testing.T) {
	root := t.TempDir()
	lin := &clashLinter{}
	var seen []string
	var mu sync.Mutex
	recording := LinterFunc(func(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
		mu.Lock()
		for _, p := range paths {
			seen = append(seen, string(overlays[p]))
		}
		mu.Unlock()
		return lin.Lint(ctx, root, overlays, paths)
	})
	c := newTestClient(t, Options{Linter: recording, Debounce: 300 * time.Millisecond})
	c.initialize(root)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	c.open(uri, "ApiName: v1\n")
	c.diagnostics(uri, 1) // an open is linted at once
	mu.Lock()
	seen = nil
	mu.Unlock()
	for v := 2; v <= 30; v++ {
		c.change(uri, v, fmt.Sprintf("ApiName: v%d\n", v))
	}
	c.diagnostics(uri, 30)
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 1 || seen[0] != "ApiName: v30\n" {
		t.Errorf("linted %d texts %q, want only the last one", len(seen), seen)
	}
}

func TestMalformedMessages(t *testing.T) {
	c := newTestClient(t, Options{})
	errorOf := func(m *jsonrpc.Message) int {
		if m.Error == nil {
			return 0
		}
		return m.Error.Code
	}
	// Before initialize, requests are refused, notifications dropped.
	if m := c.call("textDocument/hover", map[string]any{}); errorOf(m) != jsonrpc.ServerNotInitialized {
		t.Errorf("hover before initialize: %+v, want ServerNotInitialized", m.Error)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "file:///x.yaml", "text": "a: ["}})
	c.initialize(t.TempDir())
	if m := c.call("initialize", map[string]any{}); errorOf(m) != jsonrpc.InvalidRequest {
		t.Errorf("second initialize: %+v, want InvalidRequest", m.Error)
	}

	cases := []struct {
		name string
		send func()
		id   string
		code int
	}{
		// After a framing error the server skips to the next
		// "Content-Length:", so each one is followed by a framed message.
		{"bad header", func() { c.conn.WriteBytes([]byte("Content-Lenght: 2\r\n\r\n{}")) }, "null", jsonrpc.ParseError},
		{"bad JSON", func() { c.conn.WriteRaw([]byte(`{"jsonrpc":"2.0","id":50,"method":`)) }, "null", jsonrpc.ParseError},
		{"header line of garbage", func() { c.conn.WriteBytes([]byte("{\"jsonrpc\":\"2.0\"}\r\n\r\n")) }, "null", jsonrpc.ParseError},
		{"not JSON at all", func() { c.conn.WriteRaw([]byte(`hello`)) }, "null", jsonrpc.ParseError},
		{"batch", func() { c.conn.WriteRaw([]byte(`[{"jsonrpc":"2.0","id":51,"method":"shutdown"}]`)) }, "null", jsonrpc.InvalidRequest},
		{"wrong version", func() { c.conn.WriteRaw([]byte(`{"jsonrpc":"1.0","id":52,"method":"shutdown"}`)) }, "52", jsonrpc.InvalidRequest},
		{"unknown method", func() { c.conn.Call(53, "textDocument/references", map[string]any{}) }, "53", jsonrpc.MethodNotFound},
		{"params of the wrong shape", func() {
			c.conn.WriteRaw([]byte(`{"jsonrpc":"2.0","id":54,"method":"textDocument/hover","params":"x"}`))
		}, "54", jsonrpc.InvalidParams},
		{"missing params", func() { c.conn.WriteRaw([]byte(`{"jsonrpc":"2.0","id":55,"method":"textDocument/completion"}`)) }, "55", jsonrpc.InvalidParams},
		{"string id", func() {
			c.conn.WriteRaw([]byte(`{"jsonrpc":"2.0","id":"s-56","method":"workspace/symbol","params":{}}`))
		}, `"s-56"`, jsonrpc.MethodNotFound},
	}
	for _, tc := range cases {
		tc.send()
		m := c.take(waitLimit, func(m *jsonrpc.Message) bool { return m.Method == "" && string(m.ID) == tc.id && m.Error != nil })
		if m == nil {
			t.Fatalf("%s: no error response to id %s", tc.name, tc.id)
		}
		if m.Error.Code != tc.code {
			t.Errorf("%s: error %d %q, want %d", tc.name, m.Error.Code, m.Error.Message, tc.code)
		}
	}
	// Unknown notifications, bad notification params and responses are
	// ignored without an answer.
	c.notify("$/cancelRequest", map[string]any{"id": 1})
	c.notify("workspace/didChangeConfiguration", map[string]any{})
	c.conn.WriteRaw([]byte(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":7}}`))
	c.conn.WriteRaw([]byte(`{"jsonrpc":"2.0","id":99,"result":{}}`))
	c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: "file:///never-opened.yaml", Version: 2}})

	// The session still works.
	uri := pathToURI(filepath.Join(t.TempDir(), "a.yaml"))
	c.open(uri, "Action: CreateApi\nVisibility: PUBLIC\n")
	var h Hover
	c.result(c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: Position{Line: 1, Character: 2}}), &h)
	if !strings.Contains(h.Contents.Value, "Whether the API is public") {
		t.Errorf("hover after the malformed messages = %q", h.Contents.Value)
	}
	c.mu.Lock()
	for _, m := range c.queue {
		if m.Method == "" {
			t.Errorf("unexpected response: id %s %s %+v", m.ID, m.Result, m.Error)
		}
	}
	c.mu.Unlock()

	// After shutdown, requests are invalid; exit without shutdown is 1.
	c.result(c.call("shutdown", nil), new(any))
	if m := c.call("textDocument/hover", map[string]any{}); errorOf(m) != jsonrpc.InvalidRequest {
		t.Errorf("hover after shutdown: %+v, want InvalidRequest", m.Error)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newTestClient(t, Options{})
	c.initialize(t.TempDir())
	c.notify("exit", nil)
	select {
	case code := <-c.exit:
		c.exit <- code
		if code != 1 {
			t.Errorf("exit without shutdown: status %d, want 1", code)
		}
	case <-time.After(waitLimit):
		t.Fatal("server did not exit")
	}
}

func TestInitializeRoot(t *testing.T) {
	s := newServer(strings.NewReader(""), new(strings.Builder), Options{})
	params := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	s.initialize(params(map[string]any{"rootPath": "/r/path", "rootUri": "file:///r/uri",
		"workspaceFolders": []map[string]any{{"uri": "file:///r/folder%20one", "name": "x"}}}))
	if want := filepath.FromSlash("/r/folder one"); s.root != want {
		t.Errorf("root = %q, want the first workspace folder %q", s.root, want)
	}
	if p := s.pathFor("untitled:Untitled-1", "json"); p != filepath.Join(s.root, "Untitled-1.json") {
		t.Errorf("untitled path = %q", p)
	}
}

// TestStaleResultsDropped: results of a run that a newer change overtook
// are not published; the newer text's are.
func TestStaleResultsDropped(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	slow := LinterFunc(func(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
		for _, p := range paths {
			if string(overlays[p]) == "v1" {
				close(started)
				<-release
			}
		}
		return []diag.Diagnostic{{File: paths[0], Range: diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}},
			Severity: diag.Warning, Rule: "r", Message: "m"}}, nil
	})
	root := t.TempDir()
	c := newTestClient(t, Options{Linter: slow})
	c.initialize(root)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	c.open(uri, "v1")
	<-started
	c.change(uri, 2, "v2")
	// Requests are handled in order: once this is answered, the change
	// has been recorded.
	c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri}})
	close(release)
	got := c.diagnostics(uri, -1)
	if got.Version == nil || *got.Version != 2 {
		t.Fatalf("first diagnostics are for version %v, want 2 (version 1's were overtaken)", got.Version)
	}
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Severity != severityWarning {
		t.Errorf("diagnostics = %+v, want one warning", got.Diagnostics)
	}
}

// TestProjectLinterCrossFile runs the real linter: an open buffer that
// takes the name of an API in a file that is not open gets the finding, with
// the closed file as related information, and loses it when renamed back.
// The project's configuration applies (here it makes the rule a warning).
func TestProjectLinterCrossFile(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	def := func(name, path string) string {
		return "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: " + name + "\nVisibility: PRIVATE\nAuthType: ANONYMOUS\n" +
			"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: " + path + ", RequestMode: MAPPING}\n" +
			"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
	}
	if err := os.WriteFile(filepath.Join(root, ".apigwlint.yaml"), []byte("rules:\n  duplicate-api-name: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(root, "apis", "existing.yaml")
	if err := os.MkdirAll(filepath.Dir(existing), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(existing, []byte(def("GetUser", "/users")), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newTestClient(t, Options{})
	c.initialize(root)
	uri := pathToURI(filepath.Join(root, "apis", "new.yaml")) // not on disk yet
	c.open(uri, def("ListUsers", "/users/list"))
	if got := c.diagnostics(uri, 1); len(got.Diagnostics) != 0 {
		t.Fatalf("distinct: %+v", got.Diagnostics)
	}
	c.change(uri, 2, def("GetUser", "/users/list"))
	got := c.diagnostics(uri, 2)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "duplicate-api-name" || got.Diagnostics[0].Severity != 2 {
		t.Fatalf("clash (a warning by the project's configuration): %+v", got.Diagnostics)
	}
	rel := got.Diagnostics[0].RelatedInformation
	if len(rel) != 1 || rel[0].Location.URI != pathToURI(existing) || rel[0].Location.Range.Start.Line != 2 {
		t.Fatalf("related: %+v", rel)
	}
	c.change(uri, 3, def("ListUsers", "/users/list"))
	if got := c.diagnostics(uri, 3); len(got.Diagnostics) != 0 {
		t.Fatalf("renamed back: %+v", got.Diagnostics)
	}
}

// TestProjectLinterUsesTheCache: with a cache directory, a second lint of
// the same workspace takes the unchanged project file from the cache, and
// reports the same.
func TestProjectLinterUsesTheCache(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "other.yaml")
	if err := os.WriteFile(other, []byte("Action: CreateApi\nGroupId: g\nApiName: GetUser\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	open := filepath.Join(root, "open.yaml")
	overlays := map[string][]byte{open: []byte("Action: CreateApi\nGroupId: g\nApiName: GetUser\n")}
	cacheDir := t.TempDir()
	l := FileLinter{CacheDir: cacheDir}
	first, err := l.Lint(context.Background(), root, overlays, []string{open})
	if err != nil {
		t.Fatal(err)
	}
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "*"))
	if len(packs) == 0 {
		t.Fatal("nothing was written to the cache directory")
	}
	second, err := l.Lint(context.Background(), root, overlays, []string{open})
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 || fmt.Sprint(first) != fmt.Sprint(second) {
		t.Fatalf("cached run differs or found nothing:\n%v\n%v", first, second)
	}
	found := false
	for _, d := range second {
		found = found || d.Rule == "duplicate-api-name"
	}
	if !found {
		t.Fatalf("the clash with the file on disk is missing: %v", second)
	}
}

// LinterFunc adapts a function to Linter.
type LinterFunc func(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error)

// Lint calls f.
func (f LinterFunc) Lint(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
	return f(ctx, root, overlays, paths)
}
