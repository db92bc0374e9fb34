package lsp

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
)

func TestPositionConversion(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  diag.Pos // linter: 1-based line, rune column
		want Position // protocol: 0-based line, UTF-16 units
	}{
		{"ascii", "ab\ncd", diag.Pos{Line: 2, Col: 2}, Position{Line: 1, Character: 1}},
		{"CJK is one unit", "名字: x", diag.Pos{Line: 1, Col: 5}, Position{Line: 0, Character: 4}},
		{"emoji is two units", "a😀b: x", diag.Pos{Line: 1, Col: 3}, Position{Line: 0, Character: 3}},
		{"two emoji then CJK", "😀😀名x", diag.Pos{Line: 1, Col: 5}, Position{Line: 0, Character: 6}},
		{"CRLF line ends", "a\r\nb😀c\r\n", diag.Pos{Line: 2, Col: 3}, Position{Line: 1, Character: 3}},
		{"lone CR ends a line", "a\rbc", diag.Pos{Line: 2, Col: 2}, Position{Line: 1, Character: 1}},
		{"BOM: the linter drops it, the client counts it", "\uFEFFab", diag.Pos{Line: 1, Col: 2}, Position{Line: 0, Character: 2}},
		{"BOM only on line 1", "\uFEFFa\nbc", diag.Pos{Line: 2, Col: 2}, Position{Line: 1, Character: 1}},
		{"end of line (half-open end)", "a😀", diag.Pos{Line: 1, Col: 3}, Position{Line: 0, Character: 3}},
		{"past the end of the line clamps", "ab", diag.Pos{Line: 1, Col: 9}, Position{Line: 0, Character: 2}},
		{"past the last line clamps", "ab\ncd", diag.Pos{Line: 7, Col: 1}, Position{Line: 1, Character: 2}},
		{"final newline starts an empty line", "ab\n", diag.Pos{Line: 2, Col: 1}, Position{Line: 1, Character: 0}},
	}
	for _, tt := range tests {
		tx := newText(tt.src)
		if got := tx.toLSP(tt.pos); got != tt.want {
			t.Errorf("%s: toLSP(%v) = %v, want %v", tt.name, tt.pos, got, tt.want)
		}
		if tt.name == "past the end of the line clamps" || tt.name == "past the last line clamps" {
			continue
		}
		if back := tx.fromLSP(tt.want); back != tt.pos {
			t.Errorf("%s: fromLSP(%v) = %v, want %v", tt.name, tt.want, back, tt.pos)
		}
	}
	// A character inside a surrogate pair rounds down to the pair.
	if got := newText("a😀b").fromLSP(Position{Line: 0, Character: 2}); got != (diag.Pos{Line: 1, Col: 2}) {
		t.Errorf("inside a surrogate pair: %v, want column 2", got)
	}
}

func TestIncrementalChange(t *testing.T) {
	tx := newText("a😀b\nline two\n")
	got := tx.apply(rng(0, 3, 1, 4), "X").src
	if got != "a😀X two\n" {
		t.Errorf("apply = %q", got)
	}
}

func TestURIs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("POSIX paths")
	}
	for _, p := range []string{"/a/b.yaml", "/with space/名字 😀.yaml", "/per%cent#hash?.json"} {
		uri := pathToURI(p)
		if back := uriToPath(uri); back != filepath.Clean(p) {
			t.Errorf("%q → %q → %q", p, uri, back)
		}
	}
	if got := pathToURI("/with space/x.yaml"); got != "file:///with%20space/x.yaml" {
		t.Errorf("pathToURI = %q", got)
	}
	if got := uriToPath("untitled:Untitled-1"); got != "" {
		t.Errorf("non-file URI gave path %q", got)
	}
}
