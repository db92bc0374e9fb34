package source

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// A tab in YAML indentation is named as such, at the tab, instead of
// go-yaml's "found character ' ' that cannot start any token".
func TestTabIndentationMessage(t *testing.T) {
	for _, c := range []struct {
		src  string
		line int
		col  int
	}{
		{"a: 1\n\tb: 2\n", 2, 1},
		{"serviceConfigs:\n\t- name: users\n", 2, 1},
		{"serviceConfigs:\n  - name: users\n  \tnamespace: default\n", 3, 3},
		{"Action: CreateApi\n---\nRequestConfig:\n  RequestPath: /a\n\tRequestMode: MAPPING\n", 5, 1},
	} {
		f := load(t, "t.yaml", c.src)
		want := diag.Range{Start: pos(c.line, c.col), End: pos(c.line, c.col+1)}
		if len(f.Problems) != 1 || f.Problems[0].Rule != RuleSyntax || f.Problems[0].Range != want ||
			f.Problems[0].Message != "tab character: YAML indentation uses spaces" {
			t.Errorf("%q: %+v, want the tab at %d:%d", c.src, f.Problems, c.line, c.col)
		}
	}
	// A tab that is not indentation keeps go-yaml's own words.
	f := load(t, "t.yaml", "a: [1,\n  2\n")
	if len(f.Problems) != 1 || f.Problems[0].Message == "tab character: YAML indentation uses spaces" {
		t.Errorf("no tab: %+v", f.Problems)
	}
}

// A missing comma in JSON is reported right after the value it should
// follow, also when the next key is on another line, in words.
func TestJSONMissingComma(t *testing.T) {
	for _, c := range []struct {
		src, msg  string
		line, col int
	}{
		{`{"a": 1 "b": 2}`, `invalid JSON: missing comma after the value of "a", before the next key`, 1, 8},
		{"{\n  \"Action\": \"CreateService\",\n  \"gatewayId\": \"gw-1\"\n\n  \"sourceType\": \"K8S\"\n}\n", `invalid JSON: missing comma after the value of "gatewayId", before the next key`, 3, 22},
		{`{"a": {"x": [1]} "b": 2}`, `invalid JSON: missing comma after the value of "a", before the next key`, 1, 17},
		{"[{\"a\": 1}\n {\"b\": 2}]", "invalid JSON: missing comma after item 1, before the next value", 1, 10},
		{`[1 2]`, "invalid JSON: missing comma after item 1, before the next value", 1, 3},
		// Not a missing comma: the old words.
		{`{"a": 1 : 2}`, `invalid JSON: unexpected ':', expected ',' or '}'`, 1, 9},
	} {
		f := load(t, "c.json", c.src)
		if len(f.Problems) != 1 || f.Problems[0].Message != c.msg || f.Problems[0].Range.Start != pos(c.line, c.col) {
			t.Errorf("%q: %+v\nwant %d:%d %s", c.src, f.Problems, c.line, c.col, c.msg)
		}
	}
}
