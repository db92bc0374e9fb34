package rules

import (
	"reflect"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

func TestPathParams(t *testing.T) {
	for _, tc := range []struct {
		path string
		want []pathParam
	}{
		{"/users", nil},
		{"/users/[userId]", []pathParam{{"userId", 7, 15}}},
		{"/a/[x]/b/[y]", []pathParam{{"x", 3, 6}, {"y", 9, 12}}},
		{"/[]/[a", nil},                       // empty and unclosed: not placeholders
		{"/[a/b]", nil},                       // a placeholder is one segment
		{"/[[a]]", []pathParam{{"a", 2, 5}}},  // the inner one
		{"/用户/[名]", []pathParam{{"名", 4, 7}}}, // offsets in runes
	} {
		if got := pathParams(tc.path); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("pathParams(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func str(value string, line, col, endCol int) *source.Node {
	return &source.Node{Kind: source.String, Value: value,
		Range: diag.Range{Start: diag.Pos{Line: line, Col: col}, End: diag.Pos{Line: line, Col: endCol}}}
}

func TestSubRange(t *testing.T) {
	at := func(l, c, e int) diag.Range {
		return diag.Range{Start: diag.Pos{Line: l, Col: c}, End: diag.Pos{Line: l, Col: e}}
	}
	for _, tc := range []struct {
		name       string
		n          *source.Node
		start, end int
		want       diag.Range
	}{
		{"plain", str("/u/[id]", 3, 16, 23), 3, 7, at(3, 19, 23)},
		{"quoted", str("/u/[id]", 3, 16, 25), 3, 7, at(3, 20, 24)},
		{"escaped: whole value", str("/u/[id]", 3, 16, 29), 3, 7, at(3, 16, 29)},
		{"several lines: whole value", &source.Node{Kind: source.String, Value: "/u/[id]",
			Range: diag.Range{Start: diag.Pos{Line: 3, Col: 16}, End: diag.Pos{Line: 4, Col: 2}}}, 3, 7,
			diag.Range{Start: diag.Pos{Line: 3, Col: 16}, End: diag.Pos{Line: 4, Col: 2}}},
		{"runes", str("/用户/[名]", 1, 1, 8), 4, 7, at(1, 5, 8)},
		{"out of range", str("/u", 1, 1, 3), 1, 9, at(1, 1, 3)},
	} {
		if got := subRange(tc.n, tc.start, tc.end); got != tc.want {
			t.Errorf("%s: subRange = %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := subRange(nil, 0, 1); got.Start.Line != 1 {
		t.Errorf("subRange(nil) = %v, want a range at 1:1", got)
	}
}

func TestValidDomain(t *testing.T) {
	for h, want := range map[string]bool{
		"example.com": true, "a.b-c.d": true, "_sip._tcp.example.com": true, "localhost": true, "example.com.": true,
		"": false, "-a.com": false, "a-.com": false, "a..com": false, "bad!.com": false, "10.0.0.300": false, "a.123": false,
	} {
		if got := validDomain(h); got != want {
			t.Errorf("validDomain(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestEnumOf(t *testing.T) {
	if got := enumOf(str("Head", 1, 1, 5), locations...); got != "HEAD" {
		t.Errorf("enumOf(Head) = %q, want HEAD", got)
	}
	if got := enumOf(str("Heder", 1, 1, 6), locations...); got != "" {
		t.Errorf("enumOf(Heder) = %q, want \"\"", got)
	}
	if got := enumOf(nil, locations...); got != "" {
		t.Errorf("enumOf(nil) = %q", got)
	}
	if got := enumOf(&source.Node{Kind: source.Array}, locations...); got != "" {
		t.Errorf("enumOf(array) = %q", got)
	}
}

func TestExpandExample(t *testing.T) {
	if got := string(ExpandExample("a<byte 0xE9>b")); got != "a\xe9b" {
		t.Errorf("byte marker: %q", got)
	}
	if got := len(ExpandExample("<2 KB of text>")); got != 2048 {
		t.Errorf("filler marker: %d bytes", got)
	}
	if got := string(ExpandExample("<byte 0xZZ> <x KB of text>")); got != "<byte 0xZZ> <x KB of text>" {
		t.Errorf("not markers: %q", got)
	}
}
