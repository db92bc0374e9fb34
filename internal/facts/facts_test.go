package facts

import "testing"

// A file may be skipped by a partial run only when it holds no backslash
// and none of the named entries' keys verbatim; a key that could be
// written otherwise (a number, anything with a quote or a blank) makes
// every file matter.
func TestNeedles(t *testing.T) {
	api := func(group string) FileIndex { return FileIndex{Facts: []Fact{{Kind: "api", Key: group}}} }
	cases := []struct {
		named []FileIndex
		data  string
		want  bool
	}{
		{[]FileIndex{api("g-1")}, "GroupId: g-1\n", true},
		{[]FileIndex{api("g-1")}, "GroupId: g-2\n", false},
		{[]FileIndex{api("g-1")}, "GroupId: \"g-\\x31\"\n", true}, // an escape
		{[]FileIndex{api("g-1")}, "GroupId: \"g-\\x32\"\n", false},
		{[]FileIndex{api("g-1")}, "{\"GroupId\": \"g-\\u0031\"}", true},
		{[]FileIndex{api("g-1")}, "{\"GroupId\": \"\\u0067\\u002d1\"}", true},
		{[]FileIndex{api("g/1")}, "{\"GroupId\": \"g\\/1\"}", true},
		{[]FileIndex{api("g-1")}, "RequestConfig: \"{\\\"GroupId\\\": \\\"g-\\\\u0031\\\"}\"", true}, // two levels
		{[]FileIndex{api("g-1")}, "GroupId: \"g-\\\n   1\"\n", true},                                 // a line continuation
		{[]FileIndex{api("g-1")}, "Other: \"\\\"escaped\\\"\"\nGroupId: g-2\n", false},
		{[]FileIndex{api("gé")}, "GroupId: \"g\\u00e9\"\n", true},
		{[]FileIndex{api("g😀")}, "GroupId: \"g\\ud83d\\ude00\"\n", true}, // beyond the BMP: every file matters
		{[]FileIndex{api("g😀")}, "GroupId: x\n", true},
		{[]FileIndex{api("123")}, "{\"GroupId\": 123.0}", true}, // a number: every file matters
		{[]FileIndex{api("it's")}, "GroupId: 'it''s'\n", true},  // a quote: every file matters
		{[]FileIndex{api("a b")}, "GroupId: a\n  b\n", true},    // a blank: every file matters
		{[]FileIndex{{Facts: []Fact{{Kind: "service", Key: "svc"}}}}, "name: other\n", false},
		{[]FileIndex{{Facts: []Fact{{Kind: "service", Key: "svc"}}}}, "- name: svc\n", true},
		{[]FileIndex{{Facts: []Fact{{Kind: "token", Key: "tok"}}}}, "clientToken: tok\n", true},
		{[]FileIndex{{Facts: []Fact{{Kind: "token", Key: "tok"}}}}, "clientToken: other\n", false},
	}
	for _, c := range cases {
		if got := Needles(c.named).MayMatter([]byte(c.data)); got != c.want {
			t.Errorf("%+v, %q: MayMatter = %v, want %v", c.named, c.data, got, c.want)
		}
	}
	if !Needles(nil).Nothing() || Needles([]FileIndex{api("g")}).Nothing() {
		t.Error("Nothing: true only when the named files have no entries")
	}
}

// A symbolic key is a needle only through the text it names: a template's
// local resource key makes no other file matter, a Serverless Devs group
// key makes the files naming that group matter.
func TestSymbolicNeedles(t *testing.T) {
	local := []FileIndex{{Facts: []Fact{{Kind: "api", Key: Symbolic("ros:t.yaml#Group", "")}}}}
	if !Needles(local).Nothing() {
		t.Error("a local symbolic key made other files matter")
	}
	byName := []FileIndex{{Facts: []Fact{{Kind: "api", Key: Symbolic("devs:cn-hangzhou/shop", "shop")}}}}
	if !Needles(byName).MayMatter([]byte("groupName: shop\n")) || Needles(byName).MayMatter([]byte("groupName: other\n")) {
		t.Error("a group-name key is a needle by its name")
	}
	if Readable(Symbolic("ros:t.yaml#Group", "")) != "ros:t.yaml#Group" || Readable(Symbolic("devs:r/shop", "shop")) != "devs:r/shop" {
		t.Error("Readable")
	}
}

// A qualifier keeps equal texts of different places apart and is left
// out of messages.
func TestReadableDropsQualifier(t *testing.T) {
	a := Symbolic("var.name"+QualSep+" in mod/a", "")
	b := Symbolic("var.name"+QualSep+" in mod/b", "")
	if a == b {
		t.Fatal("qualified keys of two modules are equal")
	}
	if Readable(a) != "var.name" || Readable(Symbolic("g"+QualSep+"q", "needle")) != "g" {
		t.Errorf("Readable = %q", Readable(a))
	}
}
