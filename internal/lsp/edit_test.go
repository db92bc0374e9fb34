package lsp

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/source"
)

// cursorMark marks the cursor in the documents below.
const cursorMark = "‸"

// atCursor removes the mark and returns the text and the protocol
// position of the mark.
func atCursor(t *testing.T, marked string) (string, Position) {
	t.Helper()
	i := strings.Index(marked, cursorMark)
	if i < 0 {
		t.Fatalf("no cursor mark in %q", marked)
	}
	before := marked[:i]
	line := strings.Count(before, "\n")
	col := utf16Len(before[strings.LastIndexByte(before, '\n')+1:])
	return before + marked[i+len(cursorMark):], Position{Line: line, Character: col}
}

// editSession opens documents in one session and asks at cursors.
type editSession struct {
	t    *testing.T
	c    *testClient
	root string
	n    int
}

func newEditSession(t *testing.T) *editSession {
	root := t.TempDir()
	c := newTestClient(t, Options{Linter: LinterFunc(nil)})
	c.initialize(root)
	return &editSession{t: t, c: c, root: root}
}

// open opens a marked document under a fresh name with ext and returns
// its URI and the cursor.
func (e *editSession) open(ext, marked string) (string, Position) {
	e.t.Helper()
	text, pos := atCursor(e.t, marked)
	e.n++
	uri := pathToURI(filepath.Join(e.root, "doc"+strings.Repeat("x", e.n)+ext))
	e.c.open(uri, text)
	return uri, pos
}

func (e *editSession) hover(ext, marked string) *Hover {
	e.t.Helper()
	uri, pos := e.open(ext, marked)
	m := e.c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: pos})
	if string(m.Result) == "null" {
		return nil
	}
	var h Hover
	e.c.result(m, &h)
	return &h
}

func (e *editSession) complete(ext, marked, trigger string) []CompletionItem {
	e.t.Helper()
	uri, pos := e.open(ext, marked)
	p := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos}
	if trigger != "" {
		p["context"] = map[string]any{"triggerKind": 2, "triggerCharacter": trigger}
	}
	var list CompletionList
	e.c.result(e.c.call("textDocument/completion", p), &list)
	return list.Items
}

func labels(items []CompletionItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}

func item(items []CompletionItem, label string) *CompletionItem {
	for i := range items {
		if items[i].Label == label {
			return &items[i]
		}
	}
	return nil
}

const getUser = `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
RequestConfig:
  RequestProtocol: HTTP
  RequestHttpMethod: GET
  RequestPath: /users/[userId]
ServiceConfig:
  ServiceAddress: http://users.internal:8080
RequestParameters:
  - ApiParameterName: userId
    Location: PATH
    ParameterType: String
    Required: REQUIRED
Tag:
- Key: team
  Value: identity
`

func mark(doc, at string) string {
	return strings.Replace(doc, strings.Replace(at, "|", "", 1), at, 1)
}

func TestHover(t *testing.T) {
	e := newEditSession(t)
	tests := []struct {
		name, ext, doc string
		want           []string // substrings of the Markdown; nil = no hover
		wantRange      Range
	}{
		{"nested key", ".yaml", mark(getUser, "Request|Path:"),
			[]string{"**RequestConfig.RequestPath** · string · required · CreateApi", "Request path that clients call"}, rng(7, 2, 7, 13)},
		{"top-level key, enum listed", ".yaml", mark(getUser, "Visib|ility"),
			[]string{"**Visibility** · string · required", "Allowed values: `PUBLIC`, `PRIVATE`"}, rng(3, 0, 3, 10)},
		{"on a value: the key's documentation", ".yaml", mark(getUser, "PRIV|ATE"),
			[]string{"**Visibility**"}, rng(3, 12, 3, 19)},
		{"key in a sequence item", ".yaml", mark(getUser, "Loc|ation"),
			[]string{"**RequestParameters[0].Location**", "Where the parameter is sent", "`PATH`"}, rng(12, 4, 12, 12)},
		{"compact sequence", ".yaml", mark(getUser, "  Val|ue: identity"),
			[]string{"**Tag[0].Value**"}, rng(17, 2, 17, 7)},
		{"key inside a JSON-string parameter, after an emoji", ".yaml",
			"Action: CreateApi\nRequestConfig: '{\"RequestPath\": \"/😀\", \"requestHttp|Method\": \"GET\"}'\n",
			[]string{"**RequestConfig.RequestHttpMethod**", "`OPTIONS`"}, rng(1, 39, 1, 58)},
		{"JSON file", ".json", `{"Action": "CreateApi", "ServiceConfig": {"ServiceTime|out": 100}}`,
			[]string{"**ServiceConfig.ServiceTimeout**"}, rng(0, 42, 0, 58)},
		{"CreateService in lowerCamel", ".yaml", "Action: CreateService\nserviceConfigs:\n  - name: a\n    name|space: default\n",
			[]string{"**serviceConfigs[0].namespace**", "K8s namespace"}, rng(3, 4, 3, 13)},
		{"unknown key", ".yaml", "Action: CreateApi\nApiNmae|: x\n", nil, Range{}},
		{"a comment", ".yaml", "# A comm|ent\nAction: CreateApi\n", nil, Range{}},
		{"not a definition", ".yaml", "servi|ces:\n  web: {}\n", nil, Range{}},
		{"syntax error", ".yaml", "Action: CreateApi\nVisib|ility: [\n", nil, Range{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.t = t
			h := e.hover(tt.ext, strings.Replace(tt.doc, "|", cursorMark, 1))
			if tt.want == nil {
				if h != nil {
					t.Errorf("got hover %q, want none", h.Contents.Value)
				}
				return
			}
			if h == nil {
				t.Fatalf("no hover, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(h.Contents.Value, w) {
					t.Errorf("hover %q lacks %q", h.Contents.Value, w)
				}
			}
			if h.Contents.Kind != "markdown" || h.Range == nil || *h.Range != tt.wantRange {
				t.Errorf("hover kind %q range %v, want markdown %v", h.Contents.Kind, h.Range, tt.wantRange)
			}
		})
	}
}

func TestCompletion(t *testing.T) {
	e := newEditSession(t)
	tests := []struct {
		name, ext, doc, trigger string
		parses                  bool     // the document parses (else the indentation fallback answers)
		want, notWant           []string // labels
		edit                    string   // "label => newText @ range" of one item
		editRange               Range
	}{
		{name: "key on a blank line in a nested object (parsed tree)", ext: ".yaml", parses: true,
			doc:     strings.Replace(getUser, "  RequestPath: /users/[userId]\n", "  RequestPath: /users/[userId]\n  |\n", 1),
			want:    []string{"RequestMode", "BodyFormat", "EscapePathParam"},
			notWant: []string{"RequestPath", "RequestProtocol", "ApiName"},
			edit:    "RequestMode => RequestMode: ", editRange: rng(8, 2, 8, 2)},
		{name: "half-typed key (does not parse)", ext: ".yaml",
			doc:     strings.Replace(getUser, "  RequestPath: /users/[userId]\n", "  RequestPath: /users/[userId]\n  Req|\n", 1),
			want:    []string{"RequestMode"},
			notWant: []string{"RequestPath", "RequestHttpMethod", "GroupId"},
			edit:    "RequestMode => RequestMode: ", editRange: rng(8, 2, 8, 5)},
		{name: "half-typed top-level key", ext: ".yaml",
			doc:     strings.Replace(getUser, "Tag:", "Res|\nTag:", 1),
			want:    []string{"ResultType", "Description", "ServiceParameters"},
			notWant: []string{"RequestConfig", "Tag", "RequestMode"},
			edit:    "ServiceParameters => ServiceParameters:", editRange: rng(15, 0, 15, 3)},
		{name: "key of a sequence item (does not parse)", ext: ".yaml",
			doc:     strings.Replace(getUser, "    Required: REQUIRED\n", "    Required: REQUIRED\n    Def|\n", 1),
			want:    []string{"DefaultValue", "DemoValue"},
			notWant: []string{"ApiParameterName", "Location", "RequestPath"}},
		{name: "new sequence item", ext: ".yaml", parses: true,
			doc:     strings.Replace(getUser, "    Required: REQUIRED\n", "    Required: REQUIRED\n  - |\n", 1),
			want:    []string{"ApiParameterName", "Location"},
			notWant: []string{"RequestPath"}},
		{name: "dash without its space yet", ext: ".yaml",
			doc:     strings.Replace(getUser, "    Required: REQUIRED\n", "    Required: REQUIRED\n  -|\n", 1),
			parses:  true,
			notWant: []string{"ApiParameterName", "Location"}},
		{name: "compact sequence item", ext: ".yaml", parses: true,
			doc:     strings.Replace(getUser, "  Value: identity\n", "  |\n", 1),
			want:    []string{"Value"},
			notWant: []string{"Key", "ApiName"}},
		{name: "on an existing key: it is offered to replace itself", ext: ".yaml", parses: true,
			doc:     mark(getUser, "Visi|bility"),
			want:    []string{"Visibility", "Description"},
			notWant: []string{"ApiName"},
			edit:    "Visibility => Visibility", editRange: rng(3, 0, 3, 10)},
		{name: "value after 'Key: ' (space trigger)", ext: ".yaml", trigger: " ", parses: true,
			doc:  strings.Replace(getUser, "Visibility: PRIVATE", "Visibility: |", 1),
			want: []string{"PUBLIC", "PRIVATE"},
			edit: "PUBLIC => PUBLIC", editRange: rng(3, 12, 3, 12)},
		{name: "value right after the colon", ext: ".yaml", trigger: ":", parses: true,
			doc:  strings.Replace(getUser, "Visibility: PRIVATE", "Visibility:|", 1),
			want: []string{"PUBLIC", "PRIVATE"},
			edit: "PUBLIC =>  PUBLIC", editRange: rng(3, 11, 3, 11)},
		{name: "replacing a value", ext: ".yaml", parses: true,
			doc:  strings.Replace(getUser, "RequestHttpMethod: GET", "RequestHttpMethod: PO|ST", 1),
			want: []string{"GET", "POST", "OPTIONS"},
			edit: "PUT => PUT", editRange: rng(6, 21, 6, 25)},
		{name: "value in a document that does not parse", ext: ".yaml",
			doc:  strings.Replace(getUser, "    Required: REQUIRED\n", "    Required: REQUIRED\n  - Location: \"P|\n", 1),
			want: []string{"PATH", "QUERY"},
			edit: "PATH => \"PATH\"", editRange: rng(15, 14, 15, 16)},
		{name: "space while indenting asks for nothing", ext: ".yaml", trigger: " ", parses: true,
			doc:     strings.Replace(getUser, "  RequestPath: /users/[userId]\n", "  RequestPath: /users/[userId]\n  |\n", 1),
			notWant: []string{"RequestMode"}},
		{name: "empty document: Action", ext: ".yaml", parses: true, doc: "|",
			want: []string{"Action"}, edit: "Action => Action: ", editRange: rng(0, 0, 0, 0)},
		{name: "Action's values", ext: ".yaml", doc: "Action: Cr|\n", parses: true,
			want: []string{"CreateApi", "CreateService"}, edit: "CreateService => CreateService", editRange: rng(0, 8, 0, 10)},
		{name: "CreateService item keys", ext: ".yaml",
			doc:     "Action: CreateService\ngatewayId: gw-1\nserviceConfigs:\n  - name: users\n    nam|\n",
			want:    []string{"namespace", "addresses"},
			notWant: []string{"name", "gatewayId"}},
		{name: "JSON: between members", ext: ".json", parses: true,
			doc:     `{"Action": "CreateApi", "ApiName": "GetUser", | "GroupId": "g"}`,
			want:    []string{"Visibility", "RequestConfig"},
			notWant: []string{"ApiName", "GroupId", "Action"},
			edit:    `Visibility => "Visibility": `, editRange: rng(0, 46, 0, 46)},
		{name: "JSON: on a key", ext: ".json", parses: true,
			doc:  `{"Action": "CreateApi", "Visi|": "PUBLIC"}`,
			want: []string{"Visibility"}, edit: `Visibility => "Visibility"`, editRange: rng(0, 24, 0, 30)},
		{name: "JSON: a value", ext: ".json", parses: true,
			doc:  `{"Action": "CreateApi", "Visibility": "|"}`,
			want: []string{"PUBLIC"}, edit: `PUBLIC => "PUBLIC"`, editRange: rng(0, 38, 0, 40)},
		{name: "inside a JSON-string parameter of a YAML file", ext: ".yaml", parses: true,
			doc:     "Action: CreateApi\nRequestConfig: '{\"RequestPath\": \"/x\" |}'\n",
			want:    []string{"RequestMode", "RequestHttpMethod"},
			notWant: []string{"RequestPath", "ApiName"},
			edit:    `RequestMode => "RequestMode": `, editRange: rng(1, 37, 1, 37)},
		{name: "second YAML document: its own operation", ext: ".yaml", parses: true,
			doc:     "Action: CreateService\ngatewayId: gw-1\n---\nAction: CreateApi\nApiName: GetUser\n|\n",
			want:    []string{"GroupId", "RequestConfig"},
			notWant: []string{"gatewayId", "serviceConfigs", "ApiName"}},
		{name: "second YAML document, half-typed", ext: ".yaml",
			doc:     "Action: CreateApi\nApiName: GetUser\n---\nAction: CreateService\nser|\n",
			want:    []string{"serviceConfigs", "sourceType"},
			notWant: []string{"GroupId", "Action"}},
		{name: "inside a comment", ext: ".yaml", doc: "Action: CreateApi\n# Req|\n", parses: true,
			notWant: []string{"RequestConfig"}},
		{name: "inside a block scalar", ext: ".yaml", doc: "Action: CreateApi\nDescription: |\n  Req|\n", parses: true,
			notWant: []string{"RequestConfig"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.t = t
			marked := strings.Replace(tt.doc, "|", cursorMark, 1)
			text, _ := atCursor(t, marked)
			f := source.Load("x"+tt.ext, []byte(text), source.DefaultOptions)
			if parses := len(f.Problems) == 0; parses != tt.parses {
				t.Fatalf("document parses = %v, the test wants %v: %v", parses, tt.parses, f.Problems)
			}
			items := e.complete(tt.ext, marked, tt.trigger)
			got := labels(items)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %v", w, got)
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(got, w) {
					t.Errorf("%q offered, but should not be: %v", w, got)
				}
			}
			if tt.edit != "" {
				label, newText, _ := strings.Cut(tt.edit, " => ")
				it := item(items, label)
				if it == nil || it.TextEdit == nil {
					t.Fatalf("no item %q with an edit", label)
				}
				if it.TextEdit.NewText != newText || it.TextEdit.Range != tt.editRange {
					t.Errorf("%s: edit %q at %v, want %q at %v", label, it.TextEdit.NewText, it.TextEdit.Range, newText, tt.editRange)
				}
			}
		})
	}
}

func TestCompletionItemDetails(t *testing.T) {
	e := newEditSession(t)
	items := e.complete(".yaml", "Action: CreateApi\n"+cursorMark, "")
	gid := item(items, "GroupId")
	desc := item(items, "Description")
	if gid == nil || desc == nil {
		t.Fatalf("top-level keys missing: %v", labels(items))
	}
	if gid.Kind != kindProperty || gid.Detail != "string, required" || gid.Documentation == nil ||
		!strings.Contains(gid.Documentation.Value, "ID of the API group") {
		t.Errorf("GroupId item = %+v", gid)
	}
	if gid.SortText >= desc.SortText {
		t.Errorf("required GroupId (%q) should sort before Description (%q)", gid.SortText, desc.SortText)
	}
	raw, _ := json.Marshal(gid)
	if !strings.Contains(string(raw), `"textEdit"`) {
		t.Errorf("item without an edit: %s", raw)
	}
}
