package source

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
)

func apply(src []byte, e diag.Edit) string {
	return string(src[:e.Start]) + e.NewText + string(src[e.End:])
}

func TestRawOffset(t *testing.T) {
	raw := "\uFEFFa: 1\r\nb: 2\r\nc: 3\n"
	f := Load("x.yaml", []byte(raw), DefaultOptions)
	for _, c := range []struct{ src, raw int }{{0, 3}, {4, 7}, {5, 9}, {9, 13}, {10, 15}, {14, 19}} {
		if got := f.RawOffset(c.src); got != c.raw {
			t.Errorf("RawOffset(%d) = %d, want %d", c.src, got, c.raw)
		}
	}
	// The line "b: 2" as an edit of the normalised text covers "b: 2\r\n".
	fixes := []diag.Fix{{Edits: []diag.Edit{{Start: 5, End: 10}}}}
	f.RawFixes(fixes)
	if got := apply([]byte(raw), fixes[0].Edits[0]); got != "\uFEFFa: 1\r\nc: 3\n" {
		t.Errorf("%q", got)
	}
}

func TestDeleteField(t *testing.T) {
	yes := []struct{ name, in, key, out string }{
		{"yaml.yaml", "a: 1\nb: 2  # why\nc: 3\n", "b", "a: 1\nc: 3\n"},
		{"yaml-last.yaml", "a: 1\nb: 2", "b", "a: 1\n"},
		{"nested.yaml", "o:\n  a: 1\n  b: x\nz: 1\n", "o/b", "o:\n  a: 1\nz: 1\n"},
		{"middle.json", "{\n  \"a\": 1,\n  \"b\": \"x\",\n  \"c\": true\n}", "b", "{\n  \"a\": 1,\n  \"c\": true\n}"},
		{"first.json", "{\"a\": 1, \"b\": 2}", "a", "{\"b\": 2}"},
		{"last.json", "{\"a\": 1 ,\n \"b\": 2}", "b", "{\"a\": 1}"},
	}
	for _, c := range yes {
		f := Load(c.name, []byte(c.in), DefaultOptions)
		obj, fl := field(f.Docs[0].Root, c.key)
		e, ok := f.DeleteField(obj, fl)
		if !ok || apply(f.Src, e) != c.out {
			t.Errorf("%s: ok %v, %q", c.name, ok, apply(f.Src, e))
		}
	}
	no := []struct{ name, in, key string }{
		{"only.yaml", "o:\n  b: 1\nz: 1\n", "o/b"},
		{"item.yaml", "l:\n  - b: 1\n    c: 2\n", "l/0/b"},
		{"flow.yaml", "o: {a: 1, b: 2}\nz: 1\n", "o/b"},
		{"folded.yaml", "a: 1\nb: two\n  words\nc: 3\n", "b"},
		{"quoted.yaml", "a: 1\nb: \"two\n  words\"\nc: 3\n", "b"},
		{"block.yaml", "a: 1\nb: |\n  text\nc: 3\n", "b"},
		{"anchor.yaml", "a: 1\nb: &x 2\nc: *x\n", "b"},
		{"object.yaml", "a: 1\nb:\n  x: 1\nc: 3\n", "b"},
		{"object.json", "{\"a\": 1, \"b\": {\"x\": 1}}", "b"},
	}
	for _, c := range no {
		f := Load(c.name, []byte(c.in), DefaultOptions)
		if len(f.Problems) > 0 {
			t.Fatalf("%s: %v", c.name, f.Problems)
		}
		obj, fl := field(f.Docs[0].Root, c.key)
		if e, ok := f.DeleteField(obj, fl); ok {
			t.Errorf("%s: deleted, giving %q", c.name, apply(f.Src, e))
		}
	}
	// A neighbour a front-end made up has no place: no edit, no panic.
	f := Load("made.json", []byte(`{"a": 1, "b": 2}`), DefaultOptions)
	root := f.Docs[0].Root
	root.Fields = append(root.Fields[:1], &Field{Key: "x", Value: &Node{Kind: String}}, root.Fields[1])
	if _, ok := f.DeleteField(root, root.Fields[0]); ok {
		t.Error("deleted beside a made-up field")
	}
}

// field finds the field at a pointer ("o/b": key b of object o).
func field(root *Node, path string) (*Node, *Field) {
	obj := root
	key := path
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			obj = root.Lookup("/" + path[:i])
			key = path[i+1:]
			break
		}
	}
	return obj, obj.Field(key)
}

func TestRenameKeyAndReplaceString(t *testing.T) {
	f := Load("x.yaml", []byte("a: 1\n'Visiblity': private\nc: &v Q\nd: 'it''s'\n\"e\\x41\": x\n"), DefaultOptions)
	root := f.Docs[0].Root
	if e, ok := f.RenameKey(root.Fields[1], "Visibility"); !ok || apply(f.Src, e)[5:19] != "'Visibility': " {
		t.Errorf("quoted key: %v %q", ok, apply(f.Src, e))
	}
	if e, ok := f.ReplaceString(root.Fields[1].Value, "private", "PRIVATE"); !ok || e.NewText != "PRIVATE" {
		t.Errorf("plain value: %v %+v", ok, e)
	}
	// A plain value must stay a string: "true" would not.
	if _, ok := f.ReplaceString(root.Fields[1].Value, "private", "true"); ok {
		t.Error("plain value replaced by a boolean")
	}
	if _, ok := f.ReplaceString(root.Get("c"), "Q", "QUERY"); ok {
		t.Error("an anchored value was replaced")
	}
	if _, ok := f.ReplaceString(root.Get("d"), "it's", "its"); ok {
		t.Error("a value written with an escape was replaced")
	}
	if _, ok := f.RenameKey(root.Fields[4], "eB"); ok {
		t.Error("a key written with an escape was renamed")
	}
	if _, ok := f.RenameKey(root.Fields[0], "a b"); ok {
		t.Error("renamed to a key that needs quoting")
	}
	var none *File
	if _, ok := none.RenameKey(root.Fields[0], "b"); ok {
		t.Error("renamed without a file")
	}
}
