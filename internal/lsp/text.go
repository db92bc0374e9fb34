package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// text is one version of a document's text, indexed by line, converting
// between the linter's positions (1-based line, 1-based column in runes,
// counted after a UTF-8 BOM is dropped) and the protocol's (0-based line,
// 0-based character in UTF-16 code units, counted on the text as sent).
// Both split lines at "\n", "\r\n" and "\r", so line numbers agree.
type text struct {
	src        string
	lineStarts []int // byte offset of each line
	lineEnds   []int // byte offset of each line's terminator (or len(src))
}

func newText(src string) *text {
	t := &text{src: src, lineStarts: []int{0}}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			t.lineEnds = append(t.lineEnds, i)
			t.lineStarts = append(t.lineStarts, i+1)
		case '\r':
			t.lineEnds = append(t.lineEnds, i)
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			t.lineStarts = append(t.lineStarts, i+1)
		}
	}
	t.lineEnds = append(t.lineEnds, len(src))
	return t
}

// lines is the number of lines (a final line break starts an empty line).
func (t *text) lines() int { return len(t.lineStarts) }

// line returns a 0-based line's text without its terminator.
func (t *text) line(n int) string {
	if n < 0 || n >= len(t.lineStarts) {
		return ""
	}
	return t.src[t.lineStarts[n]:t.lineEnds[n]]
}

const bom = '\uFEFF'

// toLSP converts a linter position. A column past the end of its line is
// the end of the line; a line past the end of the text is the end of the
// text.
func (t *text) toLSP(p diag.Pos) Position {
	line := p.Line - 1
	if line < 0 {
		return Position{}
	}
	if line >= t.lines() {
		last := t.lines() - 1
		return Position{Line: last, Character: utf16Len(t.line(last))}
	}
	s := t.line(line)
	units := 0
	if line == 0 && strings.HasPrefix(s, string(bom)) {
		// The linter drops a BOM before counting columns; the client
		// counts it as one code unit.
		s = s[len(string(bom)):]
		units = 1
	}
	for col := 1; col < p.Col && s != ""; col++ {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		units += utf16Units(r)
	}
	return Position{Line: line, Character: units}
}

func (t *text) toLSPRange(r diag.Range) Range {
	return Range{Start: t.toLSP(r.Start), End: t.toLSP(r.End)}
}

// fromLSP converts a protocol position to a linter position. A character
// inside a surrogate pair rounds down to the pair's start; past the end of
// the line is the end of the line.
func (t *text) fromLSP(p Position) diag.Pos {
	line := p.Line
	if line < 0 {
		line = 0
	}
	if line >= t.lines() {
		line = t.lines() - 1
	}
	s := t.line(line)
	units := 0
	if line == 0 && strings.HasPrefix(s, string(bom)) {
		s = s[len(string(bom)):]
		units = 1
	}
	col := 1
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if units+utf16Units(r) > p.Character {
			break
		}
		units += utf16Units(r)
		s = s[size:]
		col++
	}
	return diag.Pos{Line: line + 1, Col: col}
}

func utf16Units(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Units(r)
	}
	return n
}

// uriToPath turns a file URI into an absolute path ("" for other schemes).
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		// file:///C:/x has the path "/C:/x"; a UNC host becomes \\host\x.
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:]
		}
		if u.Host != "" {
			p = "//" + u.Host + p
		}
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// pathToURI turns an absolute path into a file URI.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// fromByte converts a byte offset into the text (as the linter's fixes
// give them: offsets into the file's bytes, which are the text sent) to a
// protocol position. It fails for an offset outside the text, inside a
// UTF-8 sequence or between the CR and LF of a line break: no position
// names it, so an edit there cannot be sent exactly.
func (t *text) fromByte(off int) (Position, bool) {
	if off < 0 || off > len(t.src) || (off < len(t.src) && !utf8.RuneStart(t.src[off])) {
		return Position{}, false
	}
	line := sort.Search(len(t.lineStarts), func(i int) bool { return t.lineStarts[i] > off }) - 1
	if off > t.lineEnds[line] {
		return Position{}, false // inside a CRLF
	}
	return Position{Line: line, Character: utf16Len(t.src[t.lineStarts[line]:off])}, true
}

// textEdits converts a fix's edits to protocol edits, sorted by position.
// It fails when an edit cannot be sent exactly (see fromByte), is
// reversed, or overlaps another: a client must not be sent a wrong edit.
func (t *text) textEdits(edits []diag.Edit) ([]textEdit, bool) {
	if len(edits) == 0 {
		return nil, false
	}
	sorted := append([]diag.Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	out := make([]textEdit, 0, len(sorted))
	for i, e := range sorted {
		if e.End < e.Start || (i > 0 && e.Start < sorted[i-1].End) {
			return nil, false
		}
		start, ok1 := t.fromByte(e.Start)
		end, ok2 := t.fromByte(e.End)
		if !ok1 || !ok2 {
			return nil, false
		}
		out = append(out, textEdit{Range: Range{Start: start, End: end}, NewText: e.NewText})
	}
	return out, true
}
