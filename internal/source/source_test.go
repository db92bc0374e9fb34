package source

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/diag"
)

func pos(l, c int) diag.Pos { return diag.Pos{Line: l, Col: c} }

func load(t *testing.T, name, src string) *File {
	t.Helper()
	return Load(name, []byte(src), testOptions)
}

func rules(f *File) []string {
	var out []string
	for _, p := range f.Problems {
		out = append(out, p.Rule)
	}
	return out
}

// go-yaml drops every document after an empty one; splitting documents
// before parsing must keep them.
func TestEmptyDocumentDoesNotHideLaterOnes(t *testing.T) {
	t.Parallel()
	f := load(t, "m.yaml", "a: 1\n---\n---\n# only a comment\n---\nb: 2\n---\nc: 3\n")
	if len(f.Problems) != 0 {
		t.Fatalf("problems: %v", f.Problems)
	}
	var keys []string
	var idx []int
	for _, d := range f.Docs {
		keys = append(keys, d.Root.Fields[0].Key)
		idx = append(idx, d.Index)
	}
	if strings.Join(keys, ",") != "a,b,c" {
		t.Fatalf("documents read: %v", keys)
	}
	if idx[1] != 3 || idx[2] != 4 {
		t.Fatalf("document indexes %v, want [0 3 4]", idx)
	}
	if got := f.Docs[2].Root.Fields[0].KeyRange.Start; got != pos(8, 1) {
		t.Fatalf("position of c = %v, want 8:1", got)
	}
}

func TestPositionsPointAtKeysNotColons(t *testing.T) {
	t.Parallel()
	f := load(t, "p.yaml", "Outer:\n  ké: \"välue\"\n  n: 42\n")
	inner := f.Docs[0].Root.Get("Outer")
	fl := inner.Field("ké")
	if fl.KeyRange != (diag.Range{Start: pos(2, 3), End: pos(2, 5)}) {
		t.Fatalf("key range %v", fl.KeyRange)
	}
	if fl.Value.Range != (diag.Range{Start: pos(2, 7), End: pos(2, 14)}) {
		t.Fatalf("value range %v (columns count characters)", fl.Value.Range)
	}
	if got := inner.Get("n").Pointer; got != "/Outer/n" {
		t.Fatalf("pointer %q", got)
	}
}

// A double-quoted scalar continued over lines with a trailing backslash
// (as aliyun/ros-templates resources/apigateway/api.yml writes a function's
// source) is placed on its first line, like any multi-line scalar: its
// range used to run on past the end of that line, by the length of the
// lines after it.
func TestQuotedScalarContinuedWithBackslashEndsOnItsFirstLine(t *testing.T) {
	cases := []struct {
		name, src string
		at        string
		want      diag.Range
	}{
		{"the reported input", "A:\n  B: \"first line of text\\\n    \\ continued here\\n\"\n", "/A/B", diag.Range{Start: pos(2, 6), End: pos(2, 26)}},
		{"a backslash ending the last line", "A: \"x\\\n  y\"\nB: 1\n", "/A", diag.Range{Start: pos(1, 4), End: pos(1, 7)}},
		{"an escaped backslash before the break", "A: \"x\\\\\n  y\"\n", "/A", diag.Range{Start: pos(1, 4), End: pos(1, 8)}},
		{"in a flow sequence", "A: [\"x\\\n  y\", 2]\n", "/A/0", diag.Range{Start: pos(1, 5), End: pos(1, 8)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := load(t, "q.yaml", c.src)
			if len(f.Problems) > 0 {
				t.Fatalf("problems: %v", f.Problems)
			}
			n := f.Docs[0].Root.Lookup(c.at)
			if n == nil {
				t.Fatalf("no node at %s", c.at)
			}
			if n.Range != c.want {
				t.Fatalf("range %v, want %v", n.Range, c.want)
			}
		})
	}
	// A JSON string written that way is still mapped into the file: the
	// value on the continuation line is found there.
	f := load(t, "q.yaml", "K: \"{\\\"b\\\": 1,\\\n    \\ \\\"a\\\": \\\"X\\\"}\"\n")
	root, _, err := Expand(f.Docs[0].Root.Get("K"))
	if err != nil {
		t.Fatal(err)
	}
	if got := root.Get("a").Range.Start; got != pos(2, 14) {
		t.Fatalf("X at %v, want 2:14", got)
	}
}

func TestExpandMapsPositionsIntoEveryScalarStyle(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		src  string
		want diag.Pos // position of the value "X" inside the JSON string
	}{
		{"single-quoted", "K: '{\"a\": \"X\"}'\n", pos(1, 11)},
		{"double-quoted", "K: \"{\\\"a\\\": \\\"X\\\"}\"\n", pos(1, 13)},
		{"plain", "K: {\"a\": \"X\"}x\n", pos(1, 0)}, // not JSON-looking as YAML plain; skipped below
		{"literal", "K: |\n  {\n    \"a\": \"X\"\n  }\n", pos(3, 10)},
		{"folded", "K: >\n  {\"b\": 1,\n   \"a\": \"X\"}\n", pos(3, 9)},
		{"double-quoted multi-line", "K: \"{\\\"b\\\": 1,\n  \\\"a\\\": \\\"X\\\"}\"\n", pos(2, 10)},
		{"json file", "{\"K\": \"{\\\"a\\\": \\\"X\\\"}\"}", pos(1, 16)},
	}
	for _, c := range cases {
		if c.name == "plain" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			name := "f.yaml"
			if c.name == "json file" {
				name = "f.json"
			}
			f := load(t, name, c.src)
			if len(f.Problems) > 0 {
				t.Fatalf("problems: %v", f.Problems)
			}
			k := f.Docs[0].Root.Get("K")
			root, _, err := Expand(k)
			if err != nil {
				t.Fatal(err)
			}
			got := root.Get("a").Range.Start
			if got != c.want {
				t.Fatalf("X at %v, want %v", got, c.want)
			}
			if !root.JSONString || !root.Get("a").Embedded {
				t.Fatal("embedded flags not set")
			}
		})
	}
}

func TestExpandReportsSyntaxErrorInsideString(t *testing.T) {
	t.Parallel()
	f := load(t, "e.yaml", "K: '{\"a\": tru}'\n")
	_, _, err := Expand(f.Docs[0].Root.Get("K"))
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("want a syntax error, got %v", err)
	}
	if se.Range.Start != pos(1, 11) {
		t.Fatalf("error at %v, want 1:11", se.Range.Start)
	}
}

func TestDuplicateKeys(t *testing.T) {
	t.Parallel()
	f := load(t, "d.yaml", "a: 1\nb: 2\na: 3\n")
	if len(f.Problems) != 1 || f.Problems[0].Rule != RuleDuplicateKey || f.Problems[0].Range.Start != pos(3, 1) {
		t.Fatalf("problems %+v", f.Problems)
	}
	if f.Problems[0].Related[0].Range.Start != pos(1, 1) {
		t.Fatal("related should point at the first key")
	}
	if f.Docs[0].Root.Get("a").Value != "1" {
		t.Fatal("the first value is kept")
	}
	j := load(t, "d.json", "{\"a\": 1,\n \"a\": 2}")
	if len(j.Problems) != 1 || j.Problems[0].Range.Start != pos(2, 2) {
		t.Fatalf("json problems %+v", j.Problems)
	}
}

func TestSyntaxErrorsArePositionedAndLaterDocumentsRead(t *testing.T) {
	t.Parallel()
	f := load(t, "s.yaml", "a: [1\n---\nb: 2\n")
	if len(f.Problems) != 1 || f.Problems[0].Rule != RuleSyntax || f.Problems[0].Range.Start.Line != 1 {
		t.Fatalf("problems %+v", f.Problems)
	}
	if len(f.Docs) != 1 || f.Docs[0].Root.Get("b") == nil {
		t.Fatal("the document after the broken one must still be read")
	}
	j := load(t, "s.json", "{\n  \"a\": [1,\n}")
	if len(j.Problems) != 1 || j.Problems[0].Range.Start != pos(3, 1) {
		t.Fatalf("json problems %+v", j.Problems)
	}
}

func TestEncoding(t *testing.T) {
	t.Parallel()
	bom := load(t, "b.yaml", "\xEF\xBB\xBFa: 1\n")
	if len(bom.Problems) != 0 || bom.Docs[0].Root.Fields[0].KeyRange.Start != pos(1, 1) {
		t.Fatalf("a BOM is accepted: %v", bom.Problems)
	}
	crlf := load(t, "c.yaml", "a: 1\r\nb: 'x'\r\n")
	if crlf.Docs[0].Root.Field("b").KeyRange.Start != pos(2, 1) {
		t.Fatal("CRLF positions")
	}
	cr := load(t, "c.yaml", "a: 1\rb: 2\r")
	if cr.Docs[0].Root.Field("b") == nil || cr.Docs[0].Root.Field("b").KeyRange.Start != pos(2, 1) {
		t.Fatal("CR line endings")
	}
	bad := load(t, "u.yaml", "a: 1\nb: \xff\n")
	if got := rules(bad); len(got) != 1 || got[0] != RuleEncoding || bad.Problems[0].Range.Start != pos(2, 4) {
		t.Fatalf("invalid UTF-8: %+v", bad.Problems)
	}
	bin := load(t, "n.yaml", "a: 1\x00\x01")
	if got := rules(bin); len(got) != 1 || got[0] != RuleEncoding {
		t.Fatalf("NUL: %+v", bin.Problems)
	}
	u16 := load(t, "w.yaml", "\xFF\xFEa\x00")
	if got := rules(u16); len(got) != 1 || got[0] != RuleEncoding || !strings.Contains(u16.Problems[0].Message, "UTF-16") {
		t.Fatalf("UTF-16: %+v", u16.Problems)
	}
}

func TestAliasBombIsBounded(t *testing.T) { // not parallel: timed
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	start := time.Now()
	f := load(t, "bomb.yaml", b.String())
	if d := time.Since(start); d > timeScale*5*time.Second {
		t.Fatalf("took %v", d)
	}
	if got := rules(f); len(got) != 1 || got[0] != RuleLimit {
		t.Fatalf("problems %+v", f.Problems)
	}
}

func TestMergeKeysAndAnchors(t *testing.T) {
	t.Parallel()
	f := load(t, "m.yaml", "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")
	use := f.Docs[0].Root.Get("use")
	if use.Str("x") != "1" || use.Str("y") != "3" {
		t.Fatalf("merge: x=%q y=%q", use.Str("x"), use.Str("y"))
	}
	if len(f.Problems) != 0 {
		t.Fatalf("problems %+v", f.Problems)
	}
}

func TestDeepNestingIsRefused(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	f := load(t, "deep.yaml", "a: "+deep+"\n")
	if got := rules(f); len(got) != 1 || got[0] != RuleLimit {
		t.Fatalf("yaml: %+v", f.Problems)
	}
	j := load(t, "deep.json", deep)
	if got := rules(j); len(got) != 1 || got[0] != RuleLimit || !strings.Contains(j.Problems[0].Message, "deeper than 200") {
		t.Fatalf("json: %+v", j.Problems)
	}
}

func TestDuplicateKeyInJSONArrayNamesItsElement(t *testing.T) {
	t.Parallel()
	f := load(t, "a.json", "[{\"a\": 1},\n {\"b\": 2, \"b\": 3}]")
	if len(f.Problems) != 1 || f.Problems[0].Document != 1 {
		t.Fatalf("problems %+v", f.Problems)
	}
}

func TestJSONArrayOfDefinitions(t *testing.T) {
	t.Parallel()
	f := load(t, "a.json", "[{\"a\": 1}, {\"b\": 2}]")
	if len(f.Docs) != 2 || f.Docs[1].Index != 1 || f.Docs[1].Root.Get("b").Pointer != "/b" {
		t.Fatalf("docs %+v", f.Docs)
	}
}

func TestTagsAndSpecialFloats(t *testing.T) {
	t.Parallel()
	f := load(t, "t.yaml", "a: !!str 123\nb: .inf\nc: !!binary aGVsbG8=\nd: TRUE\n")
	r := f.Docs[0].Root
	if r.Get("a").Kind != String || r.Get("a").Value != "123" {
		t.Fatalf("!!str: %+v", r.Get("a"))
	}
	if r.Get("b").Kind != String {
		t.Fatal(".inf must not become a JSON number")
	}
	if r.Get("c").Kind != String {
		t.Fatal("!!binary")
	}
	if d := r.Get("d"); d.Kind != Bool || d.Text != "TRUE" || d.Scalar() != "TRUE" {
		t.Fatalf("TRUE: %+v", d)
	}
}
