package lsp

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/lsp/jsonrpc"
)

// typo is a mistake typoLinter reports wherever its text occurs, with the
// given fixes (each replaces the text).
type typo struct {
	wrong string
	rule  string
	fixes []diag.Fix // Edits filled in at the occurrence: NewText only
}

// typoLinter stands in for the rules' fixes: it reports each occurrence
// of a known mistake with byte-offset edits into the text, as a rule
// does. The real rules plug in at the same place (fix_e2e_test.go).
func typoLinter(typos ...typo) LinterFunc {
	return func(_ context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
		var out []diag.Diagnostic
		for _, p := range paths {
			src := string(overlays[p])
			for _, ty := range typos {
				for from := 0; ; {
					i := strings.Index(src[from:], ty.wrong)
					if i < 0 {
						break
					}
					start, end := from+i, from+i+len(ty.wrong)
					from = end
					d := diag.Diagnostic{File: p, Range: diag.Range{Start: runePos(src, start), End: runePos(src, end)},
						Severity: diag.Error, Rule: ty.rule, Message: "unknown " + ty.wrong}
					for _, f := range ty.fixes {
						fix := f
						fix.Edits = nil
						for _, e := range f.Edits {
							fix.Edits = append(fix.Edits, diag.Edit{Start: start + e.Start, End: start + e.End, NewText: e.NewText})
						}
						if fix.Edits == nil {
							fix.Edits = []diag.Edit{{Start: start, End: end, NewText: f.Message}}
						}
						d.Fixes = append(d.Fixes, fix)
					}
					out = append(out, d)
				}
			}
		}
		return out, nil
	}
}

// runePos is the linter's position (1-based line and rune column) of a
// byte offset in a text with "\n" line ends.
func runePos(src string, off int) diag.Pos {
	line := strings.Count(src[:off], "\n")
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{Line: line + 1, Col: utf8.RuneCountInString(src[start:off]) + 1}
}

// applyEdits applies protocol edits to a text as a client does, counting
// characters in UTF-16 code units (independently of the server's text
// type). It fails the test on edits that overlap or fall outside the text.
func applyEdits(t *testing.T, src string, edits []textEdit) string {
	t.Helper()
	// Lines end at "\n", "\r\n" or "\r", as the protocol says.
	lineStarts := []int{0}
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
			i++
			lineStarts = append(lineStarts, i+1)
		case src[i] == '\n' || src[i] == '\r':
			lineStarts = append(lineStarts, i+1)
		}
	}
	offset := func(p Position) int {
		if p.Line < 0 || p.Line >= len(lineStarts) {
			t.Fatalf("edit at line %d of a %d-line text", p.Line, len(lineStarts))
		}
		i, units := lineStarts[p.Line], 0
		for units < p.Character {
			r, size := utf8.DecodeRuneInString(src[i:])
			if size == 0 || r == '\n' || r == '\r' {
				t.Fatalf("edit at %v is past the end of its line", p)
			}
			units += len(utf16.Encode([]rune{r}))
			i += size
		}
		if units != p.Character {
			t.Fatalf("edit at %v splits a surrogate pair", p)
		}
		return i
	}
	type span struct {
		start, end int
		text       string
	}
	spans := make([]span, len(edits))
	for i, e := range edits {
		spans[i] = span{offset(e.Range.Start), offset(e.Range.End), e.NewText}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.start < last || s.end < s.start {
			t.Fatalf("overlapping or reversed edits: %+v", edits)
		}
		b.WriteString(src[last:s.start])
		b.WriteString(s.text)
		last = s.end
	}
	b.WriteString(src[last:])
	return b.String()
}

// editsFor takes the edits of a workspace edit for one document: as
// documentChanges for version (a client that declared them), as changes
// for version -1.
func editsFor(t *testing.T, we *WorkspaceEdit, uri string, version int) []textEdit {
	t.Helper()
	if we == nil {
		t.Fatal("code action without an edit")
	}
	if c := len(we.DocumentChanges) > 0; c != (version >= 0) {
		t.Fatalf("workspace edit %+v: documentChanges %v, want %v", we, c, version >= 0)
	}
	if len(we.DocumentChanges) > 0 {
		if len(we.DocumentChanges) != 1 || we.DocumentChanges[0].TextDocument.URI != uri || we.DocumentChanges[0].TextDocument.Version != version {
			t.Fatalf("document changes %+v, want edits to %s version %d", we.DocumentChanges, uri, version)
		}
		return we.DocumentChanges[0].Edits
	}
	if len(we.Changes) != 1 || we.Changes[uri] == nil {
		t.Fatalf("changes %+v, want edits to %s only", we.Changes, uri)
	}
	return we.Changes[uri]
}

// initWith initializes with client capabilities and returns the server's.
func (c *testClient) initWith(root string, caps map[string]any) serverCapabilities {
	c.t.Helper()
	var res struct {
		Capabilities struct {
			serverCapabilities
			CodeActionProvider json.RawMessage `json:"codeActionProvider"`
		} `json:"capabilities"`
	}
	c.result(c.call("initialize", map[string]any{"processId": nil, "rootUri": pathToURI(root), "capabilities": caps}), &res)
	c.notify("initialized", map[string]any{})
	got := res.Capabilities.serverCapabilities
	got.CodeActionProvider = string(res.Capabilities.CodeActionProvider)
	return got
}

// literalClient declares what editors that show code actions declare.
var literalClient = map[string]any{
	"workspace":    map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}},
	"textDocument": map[string]any{"codeAction": map[string]any{"codeActionLiteralSupport": map[string]any{"codeActionKind": map[string]any{"valueSet": []string{"quickfix", "source"}}}}},
}

func (c *testClient) codeActions(uri string, r Range, only []string, diags ...any) []CodeAction {
	c.t.Helper()
	ctx := map[string]any{"diagnostics": append([]any{}, diags...)}
	if only != nil {
		ctx["only"] = only
	}
	var out []CodeAction
	c.result(c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": r, "context": ctx}), &out)
	if out == nil {
		c.t.Fatal("codeAction answered null, want a list")
	}
	return out
}

func (c *testClient) definition(uri string, p Position) []Location {
	c.t.Helper()
	m := c.call("textDocument/definition", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: p})
	var out []Location
	c.result(m, &out)
	return out
}

var visibilityTypo = typo{wrong: "Visibilty", rule: "unknown-field", fixes: []diag.Fix{{Message: "Visibility", Safe: true}}}

func TestCapabilitiesAdvertiseCodeActionsAndDefinition(t *testing.T) {
	for _, tt := range []struct {
		name string
		caps map[string]any
		want string
	}{
		{"literal support", literalClient, `{"codeActionKinds":["quickfix","source.fixAll","source.fixAll.apigwlint"]}`},
		{"no literal support", map[string]any{}, `true`},
	} {
		c := newTestClient(t, Options{Linter: LinterFunc(nopLint)})
		caps := c.initWith(t.TempDir(), tt.caps)
		if caps.CodeActionProvider != tt.want || !caps.DefinitionProvider {
			t.Errorf("%s: codeActionProvider %v, definitionProvider %v; want %s and true", tt.name, caps.CodeActionProvider, caps.DefinitionProvider, tt.want)
		}
	}
}

// The must-show of issue 16 with the plumbing alone: the client asks for
// the code actions at a diagnostic, applies the quick fix's edit to its
// text (counting UTF-16 units; the line has CJK and an emoji before the
// key), sends the new text, and the diagnostic is gone. Both forms of
// workspace edit are tried.
func TestQuickFixAppliedClearsDiagnostic(t *testing.T) {
	for _, tt := range []struct {
		name    string
		caps    map[string]any
		version int
	}{{"documentChanges", literalClient, 1}, {"changes", map[string]any{}, -1}} {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			c := newTestClient(t, Options{Linter: typoLinter(visibilityTypo)})
			c.initWith(root, tt.caps)
			uri := pathToURI(filepath.Join(root, "a.yaml"))
			text := "ApiName: 获取😀用户\nTag: {名字😀: x, Visibilty: PRIVATE}\n"
			c.open(uri, text)
			got := c.diagnostics(uri, 1)
			// "Tag: {名字😀: x, " is 14 characters, 15 UTF-16 units.
			if len(got.Diagnostics) != 1 || got.Diagnostics[0].Range != rng(1, 15, 1, 24) {
				t.Fatalf("diagnostics %+v, want one at 1:15-1:24", got.Diagnostics)
			}
			d := got.Diagnostics[0]
			// The cursor in the middle of the key.
			actions := c.codeActions(uri, rng(1, 18, 1, 18), nil)
			var quick []CodeAction
			for _, a := range actions {
				if a.Kind == kindQuickFix {
					quick = append(quick, a)
				}
			}
			if len(quick) != 1 {
				t.Fatalf("quick fixes %+v, want one", actions)
			}
			a := quick[0]
			if a.Title != "Visibility" || !a.IsPreferred || len(a.Diagnostics) != 1 || a.Diagnostics[0].Range != d.Range || a.Diagnostics[0].Message != d.Message {
				t.Errorf("action %+v, want the safe fix titled by its message, preferred, for the diagnostic", a)
			}
			edits := editsFor(t, a.Edit, uri, tt.version)
			if len(edits) != 1 || edits[0].Range != rng(1, 15, 1, 24) {
				t.Errorf("edits %+v, want one at 1:15-1:24 (UTF-16 units)", edits)
			}
			fixed := applyEdits(t, text, edits)
			if want := strings.Replace(text, "Visibilty", "Visibility", 1); fixed != want {
				t.Fatalf("applied: %q, want %q", fixed, want)
			}
			c.change(uri, 2, fixed)
			if got := c.diagnostics(uri, 2); len(got.Diagnostics) != 0 {
				t.Errorf("after the fix: %+v, want none", got.Diagnostics)
			}
			if actions := c.codeActions(uri, rng(1, 18, 1, 18), nil); len(actions) != 0 {
				t.Errorf("actions on the fixed text: %+v, want none", actions)
			}
		})
	}
}

// An unsafe fix is offered, labelled and not preferred; a diagnostic's
// fixes come in its order (safe first); a range touching no diagnostic
// gets no quick fix, one touching two gets both diagnostics' fixes.
func TestQuickFixesSafeAndUnsafe(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{Linter: typoLinter(visibilityTypo,
		typo{wrong: "PUBLIK", rule: "enum", fixes: []diag.Fix{{Message: "PUBLIC", Safe: true}, {Message: "PRIVATE", Safe: false}}},
		typo{wrong: "SIGN", rule: "auth", fixes: []diag.Fix{{Message: "remove AllowSignatureMethod", Edits: []diag.Edit{{Start: 0, End: 4, NewText: "NONE"}}}}},
	)})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	text := "Visibilty: PUBLIK\nAuth: SIGN\nApiName: x\n"
	c.open(uri, text)
	if got := c.diagnostics(uri, 1); len(got.Diagnostics) != 3 {
		t.Fatalf("diagnostics %+v, want 3", got.Diagnostics)
	}
	titles := func(actions []CodeAction) []string {
		var out []string
		for _, a := range actions {
			s := a.Kind + ":" + a.Title
			if a.IsPreferred {
				s += "*"
			}
			out = append(out, s)
		}
		return out
	}
	for _, tt := range []struct {
		r    Range
		want string
	}{
		{rng(0, 12, 0, 12), "quickfix:PUBLIC* quickfix:PRIVATE (unsafe)"},
		{rng(1, 6, 1, 6), "quickfix:remove AllowSignatureMethod (unsafe)"},
		{rng(0, 0, 1, 0), "quickfix:Visibility* quickfix:PUBLIC* quickfix:PRIVATE (unsafe)"},
		{rng(2, 0, 2, 3), ""},
	} {
		got := strings.Join(titles(c.codeActions(uri, tt.r, []string{"quickfix"})), " ")
		if got != tt.want {
			t.Errorf("actions at %v = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// The fix-all source action applies every safe fix of the file at once,
// one per diagnostic, and skips a fix that overlaps one already taken;
// unsafe fixes are left. After it, what remains is what it could not fix.
func TestFixAllSourceAction(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{Linter: typoLinter(visibilityTypo,
		// Two rules report the same word with overlapping fixes: one
		// of them is applied.
		typo{wrong: "ApiNmae", rule: "a-rule", fixes: []diag.Fix{{Message: "ApiName", Safe: true}}},
		typo{wrong: "ApiNmae", rule: "b-rule", fixes: []diag.Fix{{Message: "fix b", Safe: true, Edits: []diag.Edit{{Start: 3, End: 7, NewText: "Name"}}}}},
		typo{wrong: "PUBLIK", rule: "enum", fixes: []diag.Fix{{Message: "PRIVATE", Safe: false}}},
		// Alternatives that do not overlap: the first is applied.
		typo{wrong: "Tagz", rule: "c-rule", fixes: []diag.Fix{{Message: "Tags", Safe: true}, {Message: "Tagz!", Safe: true, Edits: []diag.Edit{{Start: 4, End: 4, NewText: "!"}}}}},
	)})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	text := "Visibilty: PUBLIK\n# 😀 Visibilty\nApiNmae: x\nTagz: []\n"
	c.open(uri, text)
	if got := c.diagnostics(uri, 1); len(got.Diagnostics) != 6 {
		t.Fatalf("diagnostics %+v, want 6", got.Diagnostics)
	}
	for _, only := range [][]string{{"source.fixAll"}, {"source"}, {kindFixAll}} {
		actions := c.codeActions(uri, rng(0, 0, 0, 0), only)
		if len(actions) != 1 || actions[0].Kind != kindFixAll || actions[0].Title != fixAllTitle || actions[0].IsPreferred {
			t.Fatalf("only %v: %+v, want the fix-all action alone", only, actions)
		}
	}
	// Without a filter it comes with the quick fixes; with quickfix only,
	// not at all.
	all := c.codeActions(uri, rng(0, 0, 0, 0), nil)
	if len(all) != 2 || all[0].Kind != kindQuickFix || all[1].Kind != kindFixAll {
		t.Errorf("unfiltered: %+v, want the quick fix, then fix-all", all)
	}
	for _, a := range c.codeActions(uri, rng(0, 0, 0, 0), []string{"quickfix"}) {
		if a.Kind != kindQuickFix {
			t.Errorf("quickfix only: got %s", a.Kind)
		}
	}
	fixAll := c.codeActions(uri, rng(0, 0, 0, 0), []string{"source.fixAll"})[0]
	fixed := applyEdits(t, text, editsFor(t, fixAll.Edit, uri, 1))
	if want := "Visibility: PUBLIK\n# 😀 Visibility\nApiName: x\nTags: []\n"; fixed != want {
		t.Fatalf("fix all: %q, want %q", fixed, want)
	}
	c.change(uri, 2, fixed)
	got := c.diagnostics(uri, 2)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "enum" {
		t.Errorf("after fix all: %+v, want the unsafe one left", got.Diagnostics)
	}
	if actions := c.codeActions(uri, rng(0, 0, 0, 0), []string{"source.fixAll"}); len(actions) != 0 {
		t.Errorf("fix all with only unsafe fixes left: %+v, want none", actions)
	}
}

// Code actions and definitions answer for the text that was linted: a
// document changed since (a new version, or a save that replaced the
// text) gets none until its new lint is published.
func TestNoActionsForStaleVersion(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{Linter: typoLinter(visibilityTypo), Debounce: time.Hour})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	text := "Visibilty: PUBLIC\n"
	c.open(uri, text) // an open is linted at once
	c.diagnostics(uri, 1)
	if actions := c.codeActions(uri, rng(0, 0, 0, 0), nil); len(actions) != 2 {
		t.Fatalf("current: %+v, want the quick fix and fix-all", actions)
	}
	// A change is linted only after the (hour-long) debounce.
	c.change(uri, 2, "# moved\n"+text)
	if actions := c.codeActions(uri, rng(1, 0, 1, 0), nil); len(actions) != 0 {
		t.Errorf("stale version: %+v, want none", actions)
	}
	if got := c.definition(uri, Position{Line: 1, Character: 0}); got != nil {
		t.Errorf("definition on a stale version: %+v, want null", got)
	}
	// A save is linted at once: its version has actions again.
	c.change(uri, 3, text)
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: uri}, Text: &text})
	c.diagnostics(uri, 3)
	if actions := c.codeActions(uri, rng(0, 0, 0, 0), nil); len(actions) != 2 {
		t.Errorf("after the save's lint: %+v, want the quick fix and fix-all", actions)
	}
	// Unknown and closed documents: none, and no error.
	if actions := c.codeActions(pathToURI(filepath.Join(root, "never-opened.yaml")), rng(0, 0, 0, 0), nil); len(actions) != 0 {
		t.Errorf("unknown document: %+v", actions)
	}
	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	c.diagnostics(uri, -1)
	if actions := c.codeActions(uri, rng(0, 0, 0, 0), nil); len(actions) != 0 {
		t.Errorf("closed document: %+v", actions)
	}
}

// A save that replaces the text without a new version: the result of the
// old text does not answer for it.
func TestNoActionsAfterSaveReplacedText(t *testing.T) {
	root := t.TempDir()
	release := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	t.Cleanup(open) // never leave the linter blocked
	calls := 0
	lin := typoLinter(visibilityTypo)
	blocking := LinterFunc(func(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
		calls++
		if calls > 1 {
			<-release // the save's lint waits until the test asked
		}
		return lin(ctx, root, overlays, paths)
	})
	c := newTestClient(t, Options{Linter: blocking})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	c.open(uri, "Visibilty: PUBLIC\n")
	c.diagnostics(uri, 1)
	saved := "# saved elsewhere\nVisibilty: PUBLIC\n"
	c.notify("textDocument/didSave", didSaveParams{TextDocument: textDocumentIdentifier{URI: uri}, Text: &saved})
	if actions := c.codeActions(uri, rng(0, 0, 0, 0), nil); len(actions) != 0 {
		t.Errorf("text replaced by a save, not linted yet: %+v, want none", actions)
	}
	open()
	c.diagnostics(uri, 1) // the saved text's diagnostics (a new line)
	if actions := c.codeActions(uri, rng(1, 0, 1, 0), []string{"quickfix"}); len(actions) != 1 {
		t.Errorf("after the save's lint: %+v, want the quick fix", actions)
	}
}

// The client's diagnostics name which of the server's diagnostics a
// request is about even when the range does not touch them; anything else
// a client sends (another server's diagnostic with a numeric code, a
// stale copy of ours) matches nothing and breaks nothing.
func TestCodeActionMatchesClientDiagnostics(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{Linter: typoLinter(visibilityTypo)})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	c.open(uri, "ApiName: x\nVisibilty: PUBLIC\n")
	d := c.diagnostics(uri, 1).Diagnostics[0]
	foreign := map[string]any{"range": rng(0, 0, 0, 3), "code": 42, "source": "yaml", "message": "x"}
	moved := d
	moved.Range = rng(0, 0, 0, 9)
	other := d
	other.Source = "another-linter"
	if got := c.codeActions(uri, rng(0, 0, 0, 0), []string{"quickfix"}, foreign, moved, other, "not an object"); len(got) != 0 {
		t.Errorf("foreign and moved diagnostics: %+v, want none", got)
	}
	if got := c.codeActions(uri, rng(0, 0, 0, 0), []string{"quickfix"}, foreign, d); len(got) != 1 || got[0].Diagnostics[0].Range != d.Range {
		t.Errorf("named diagnostic: %+v, want its quick fix", got)
	}
}

// Out-of-range requests are answered, not crashed on, and a fix whose
// edits cannot be sent exactly (outside the text, inside a UTF-8
// sequence or a CRLF, reversed, overlapping) is not offered, while the
// other fixes are.
func TestCodeActionsOutOfBounds(t *testing.T) {
	root := t.TempDir()
	// "é\r\nVisibilty" : é is 2 bytes, CRLF at 2..3, the key at 4.
	text := "é\r\nVisibilty: PUBLIC\r\n"
	bad := func(msg string, edits ...diag.Edit) diag.Fix { return diag.Fix{Message: msg, Safe: true, Edits: edits} }
	lin := LinterFunc(func(_ context.Context, _ string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
		p := paths[0]
		return []diag.Diagnostic{{
			File: p, Range: diag.Range{Start: diag.Pos{Line: 2, Col: 1}, End: diag.Pos{Line: 2, Col: 10}}, Severity: diag.Error, Rule: "unknown-field", Message: "x",
			Fixes: []diag.Fix{
				bad("past the end", diag.Edit{Start: 4, End: len(text) + 1, NewText: "x"}),
				bad("negative", diag.Edit{Start: -1, End: 3, NewText: "x"}),
				bad("inside é", diag.Edit{Start: 1, End: 2, NewText: "x"}),
				bad("inside CRLF", diag.Edit{Start: 3, End: 3, NewText: "x"}),
				bad("reversed", diag.Edit{Start: 8, End: 4, NewText: "x"}),
				bad("overlapping", diag.Edit{Start: 4, End: 8, NewText: "x"}, diag.Edit{Start: 6, End: 10, NewText: "y"}),
				bad("no edits"),
				bad("good", diag.Edit{Start: 4, End: 13, NewText: "Visibility"}),
				bad("at the very end", diag.Edit{Start: len(text), End: len(text), NewText: "# end\r\n"}),
			},
		}}, nil
	})
	c := newTestClient(t, Options{Linter: lin})
	c.initWith(root, literalClient)
	uri := pathToURI(filepath.Join(root, "a.yaml"))
	c.open(uri, text)
	c.diagnostics(uri, 1)
	for _, r := range []Range{rng(-5, -5, 1_000_000, 1_000_000), rng(1, 3, 1, 3), rng(1, 999, 0, -3)} {
		var titles []string
		for _, a := range c.codeActions(uri, r, []string{"quickfix"}) {
			titles = append(titles, a.Title)
		}
		if got := strings.Join(titles, ","); got != "good,at the very end" {
			t.Errorf("range %v: actions %q, want good,at the very end", r, got)
		}
	}
	// A range that does not touch it: none.
	if got := c.codeActions(uri, rng(7, 0, 9, 0), []string{"quickfix"}); len(got) != 0 {
		t.Errorf("past the text: %+v", got)
	}
	good := c.codeActions(uri, rng(1, 3, 1, 3), []string{"quickfix"})[0]
	if e := editsFor(t, good.Edit, uri, 1); len(e) != 1 || e[0].Range != rng(1, 0, 1, 9) {
		t.Errorf("good edit %+v, want 1:0-1:9", e)
	}
	end := c.codeActions(uri, rng(1, 3, 1, 3), []string{"quickfix"})[1]
	if e := editsFor(t, end.Edit, uri, 1); len(e) != 1 || e[0].Range != rng(2, 0, 2, 0) {
		t.Errorf("edit at the end %+v, want 2:0", e)
	}
	// Garbage params are an error answer, not a crash.
	if m := c.call("textDocument/codeAction", map[string]any{"textDocument": 3}); m.Error == nil || m.Error.Code != jsonrpc.InvalidParams {
		t.Errorf("bad params: %+v, want InvalidParams", m.Error)
	}
	if m := c.call("textDocument/definition", map[string]any{"position": "x"}); m.Error == nil || m.Error.Code != jsonrpc.InvalidParams {
		t.Errorf("bad params: %+v, want InvalidParams", m.Error)
	}
}

func TestFromByte(t *testing.T) {
	src := "a😀b\r\nc\rd\n"
	for _, tt := range []struct {
		off  int
		want Position
		ok   bool
	}{
		{0, Position{0, 0}, true},
		{1, Position{0, 1}, true},
		{2, Position{}, false}, // inside the emoji
		{5, Position{0, 3}, true},
		{6, Position{0, 4}, true}, // the CR: end of line 0
		{7, Position{}, false},    // between CR and LF
		{8, Position{1, 0}, true},
		{9, Position{1, 1}, true}, // a lone CR ends line 1
		{10, Position{2, 0}, true},
		{12, Position{3, 0}, true}, // the end: the empty last line
		{13, Position{}, false},
		{-1, Position{}, false},
	} {
		got, ok := newText(src).fromByte(tt.off)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("fromByte(%d) = %v, %v; want %v, %v", tt.off, got, ok, tt.want, tt.ok)
		}
	}
}

// Definition on a clash goes to the other file, from either side, also
// when the linter reported it on one side only; elsewhere there is
// nowhere to go.
func TestDefinitionOnClash(t *testing.T) {
	root := t.TempDir()
	oneSided := LinterFunc(func(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
		ds, err := (&clashLinter{}).Lint(ctx, root, overlays, paths)
		var out []diag.Diagnostic
		for _, d := range ds {
			if filepath.Base(d.File) == "a.yaml" {
				out = append(out, d) // b's side is not reported
			}
		}
		return out, err
	})
	for _, tt := range []struct {
		name   string
		linter Linter
	}{{"both sides", &clashLinter{}}, {"one side", oneSided}} {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, Options{Linter: tt.linter})
			c.initWith(root, literalClient)
			uriA := pathToURI(filepath.Join(root, "a.yaml"))
			uriB := pathToURI(filepath.Join(root, "b.yaml"))
			c.open(uriA, "Action: CreateApi\nGroupId: g1\nApiName: GetUser\n")
			c.diagnostics(uriA, 1)
			// b's ApiName is on line 3, after a comment.
			c.open(uriB, "Action: CreateApi\nGroupId: g1\n# 😀\nApiName: GetUser\n")
			c.diagnostics(uriB, 1)
			c.diagnostics(uriA, 1)
			if got := c.definition(uriA, Position{Line: 2, Character: 12}); len(got) != 1 || got[0].URI != uriB || got[0].Range != rng(3, 9, 3, 16) {
				t.Errorf("from a: %+v, want b's ApiName at 3:9-3:16", got)
			}
			if got := c.definition(uriB, Position{Line: 3, Character: 16}); len(got) != 1 || got[0].URI != uriA || got[0].Range != rng(2, 9, 2, 16) {
				t.Errorf("from b: %+v, want a's ApiName at 2:9-2:16", got)
			}
			for _, p := range []Position{{Line: 1, Character: 3}, {Line: -1, Character: -1}, {Line: 99, Character: 99}} {
				if m := c.call("textDocument/definition", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uriA}, Position: p}); m.Error != nil || string(m.Result) != "null" {
					t.Errorf("definition at %v: %s %+v, want null", p, m.Result, m.Error)
				}
			}
		})
	}
}

// FuzzCodeActions: whatever the text, the fixes a linter attaches and the
// range asked for, code actions and definitions never panic, and every
// edit they send applies to the text as a client applies it (inside the
// text, on whole UTF-16 characters, not overlapping).
func FuzzCodeActions(f *testing.F) {
	f.Add("Visibilty: PUBLIC\n", 0, 9, "Visibility", 0, 0, 0, 3)
	f.Add("é\r\nVisibilty: 😀\r\n", 3, 4, "x", 1, 0, 9, 9)
	f.Add("\uFEFFa😀b\rc\n", 1, 5, "", -1, 2, 1, 0)
	f.Add("", 0, 0, "x\ny", 5, 5, -5, -5)
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, src string, start, end int, insert string, l1, c1, l2, c2 int) {
		if !utf8.ValidString(src) {
			return // a client's text is JSON: always valid UTF-8
		}
		s := newServer(strings.NewReader(""), new(strings.Builder), Options{})
		s.root = root
		uri := pathToURI(filepath.Join(s.root, "f.yaml"))
		tx := newText(src)
		s.docs[uri] = &document{uri: uri, path: uriToPath(uri), version: 1, text: tx}
		s.documentChanges = true
		at := tx.fromLSP(Position{Line: l1, Character: c1})
		ds := []diag.Diagnostic{
			{File: uriToPath(uri), Range: diag.Range{Start: at, End: tx.fromLSP(Position{Line: l2, Character: c2})}, Rule: "r", Message: "a",
				Fixes: []diag.Fix{{Message: "one", Safe: true, Edits: []diag.Edit{{Start: start, End: end, NewText: insert}}},
					{Message: "two", Edits: []diag.Edit{{Start: end, End: end + 2, NewText: insert}, {Start: start - 1, End: start, NewText: "z"}}}}},
			{File: uriToPath(uri), Range: diag.Range{Start: at, End: at}, Rule: "r", Message: "b",
				Fixes:   []diag.Fix{{Message: "three", Safe: true, Edits: []diag.Edit{{Start: start / 2, End: end / 2, NewText: "q"}}}},
				Related: []diag.Related{{File: uriToPath(uri), Range: diag.Range{Start: at, End: at}}}},
		}
		lsp := toLSPDiagnostics(ds, tx, s.root, map[string]string{uriToPath(uri): uri}, func(string) *text { return tx })
		s.results[uri] = &lintResult{version: 1, text: tx, diags: ds, lsp: lsp}
		var p codeActionParams
		p.TextDocument.URI = uri
		p.Range = Range{Start: Position{Line: l1, Character: c1}, End: Position{Line: l2, Character: c2}}
		for _, a := range s.codeActions(p) {
			applyEdits(t, src, editsFor(t, a.Edit, uri, 1))
		}
		s.definition(uri, Position{Line: l2, Character: c2})
	})
}

// TestFixAllAgreesWithApply: on random fixes (overlapping each other,
// repeated, outside the text, safe or not), the editor's fix all makes
// exactly the edits of one pass of `lint --fix` (internal/fix.Apply).
func TestFixAllAgreesWithApply(t *testing.T) {
	rnd := rand.New(rand.NewPCG(16, 2026))
	for iter := 0; iter < 3000; iter++ {
		var b strings.Builder
		for n := rnd.IntN(40); n > 0; n-- {
			b.WriteByte("ab \n:"[rnd.IntN(5)])
		}
		src := b.String()
		randomFix := func() diag.Fix {
			var edits []diag.Edit
			at := rnd.IntN(len(src)+3) - 1
			for k := rnd.IntN(3) + 1; k > 0; k-- {
				end := at + rnd.IntN(4)
				edits = append(edits, diag.Edit{Start: at, End: end, NewText: []string{"", "X", "yz"}[rnd.IntN(3)]})
				at = end + rnd.IntN(3)
			}
			return diag.Fix{Message: "f", Safe: rnd.IntN(4) > 0, Edits: edits}
		}
		var ds []diag.Diagnostic
		for n := rnd.IntN(8); n > 0; n-- {
			var d diag.Diagnostic
			for k := rnd.IntN(3); k > 0; k-- {
				if len(ds) > 0 && rnd.IntN(4) == 0 {
					prev := ds[rnd.IntN(len(ds))].Fixes
					if len(prev) > 0 {
						d.Fixes = append(d.Fixes, prev[0]) // the same fix twice
						continue
					}
				}
				d.Fixes = append(d.Fixes, randomFix())
			}
			ds = append(ds, d)
		}
		want, _ := fix.Apply([]byte(src), ds, false)
		got := applyEdits(t, src, fixAll(&lintResult{text: newText(src), diags: ds}))
		if got != string(want) {
			t.Fatalf("text %q, fixes %+v:\nfix all gives %q\nlint --fix gives %q", src, ds, got, want)
		}
	}
}
