package config

import (
	"strings"
	"testing"
)

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		glob  string
		path  string
		isDir bool
		want  bool
	}{
		{"legacy/**", "legacy", true, true},
		{"legacy/**", "legacy/a.yaml", false, true},
		{"legacy/**", "legacy/x/y/a.yaml", false, true},
		{"legacy/**", "legacy.yaml", false, false},
		{"legacy/**", "apis/legacy/a.yaml", false, false},
		{"legacy", "legacy/a.yaml", false, true}, // a directory matches all below it
		{"legacy", "legacyx/a.yaml", false, false},
		{"legacy/", "legacy", true, true},
		{"legacy/", "legacy", false, false}, // a file named legacy
		{"legacy/", "legacy/a.yaml", false, true},
		{"./legacy/**", "legacy/a.yaml", false, true},
		{"*.yaml", "a.yaml", false, true},
		{"*.yaml", "apis/a.yaml", false, false}, // anchored
		{"**/*.yaml", "a.yaml", false, true},
		{"**/*.yaml", "apis/x/a.yaml", false, true},
		{"**/*.yaml", "a.json", false, false},
		{"apis/**/draft-*.yaml", "apis/draft-1.yaml", false, true},
		{"apis/**/draft-*.yaml", "apis/a/b/draft-1.yaml", false, true},
		{"apis/**/draft-*.yaml", "apis/a/b/final.yaml", false, false},
		{"apis/*/x.yaml", "apis/a/b/x.yaml", false, false},
		{"a?.yaml", "ab.yaml", false, true},
		{"a?.yaml", "a/.yaml", false, false},
		{"[ab].yaml", "b.yaml", false, true},
		{"[!ab].yaml", "b.yaml", false, false},
		{"[^ab].yaml", "c.yaml", false, true},
		{"[a-c].yaml", "b.yaml", false, true},
		{"[]].yaml", "].yaml", false, true},
		{"{apis,services}/old/**", "services/old/s.yaml", false, true},
		{"{apis,services}/old/**", "other/old/s.yaml", false, false},
		{"*.{yaml,yml}", "a.yml", false, true},
		{"a,b.yaml", "a,b.yaml", false, true},
		{`\*.yaml`, "*.yaml", false, true},
		{`\*.yaml`, "a.yaml", false, false},
		{"a+(b).yaml", "a+(b).yaml", false, true}, // regexp characters are literal
		{"**", "anything/at/all.json", false, true},
		{"2019", "2019/a.yaml", false, true},
		{"é/*.yaml", "é/a.yaml", false, true},
	}
	for _, tt := range tests {
		g, err := CompileGlob(tt.glob)
		if err != nil {
			t.Errorf("CompileGlob(%q): %v", tt.glob, err)
			continue
		}
		if got := g.Match(tt.path, tt.isDir); got != tt.want {
			t.Errorf("%q matches %q (dir %v) = %v, want %v", tt.glob, tt.path, tt.isDir, got, tt.want)
		}
	}
}

func TestBadGlobs(t *testing.T) {
	tests := []struct{ glob, msg string }{
		{"", "empty glob"},
		{"  ", "empty glob"},
		{"/legacy/**", `drop the leading "/"`},
		{`C:\legacy`, "not absolute paths"},
		{"!legacy/**", "negated globs"},
		{"../other/**", `cannot leave`},
		{"a/../b", `cannot leave`},
		{"a//b", "empty path segment"},
		{"legacy**", `"**" must be a whole path segment`},
		{"**.yaml", `"**" must be a whole path segment`},
		{"{a/**,b}", `"**" must be a whole path segment`},
		{"legacy/[ab", `"[" at character 8 is never closed`},
		{"[z-a].yaml", "reversed"},
		{"[a/b]", `"/" cannot be inside`},
		{"{a,b", `"{" is never closed`},
		{"a}b", `"}" at character 2 has no "{"`},
		{`legacy\`, "escapes nothing"},
		{"./", "matches nothing"},
	}
	for _, tt := range tests {
		_, err := CompileGlob(tt.glob)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("CompileGlob(%q) = %v, want an error with %q", tt.glob, err, tt.msg)
		}
	}
}
