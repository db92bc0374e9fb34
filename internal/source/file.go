package source

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Rule ids of the problems the loader reports.
const (
	RuleSyntax       = "syntax"
	RuleDuplicateKey = "duplicate-key"
	RuleEncoding     = "encoding"
	RuleLimit        = "limit"
)

// File is one definition file, read once.
type File struct {
	Path     string // as shown to the user
	Src      []byte // text with a BOM removed and line endings made "\n"
	IsJSON   bool
	Docs     []*Document
	Problems []diag.Diagnostic // file-level problems (syntax, encoding, ...)

	lineStarts []int
	// cache for PosAt: the last line looked up and its rune column walk
	lastLine, lastOff, lastCol int
	// longLines indexes the long lines OffsetOf was asked about.
	longLines map[int][]int
	// each receives documents as they are read (LoadEach); nil: they are
	// kept in Docs.
	each func(*Document)
	// bom and crlf say how Src differs from the bytes read: a UTF-8 BOM
	// was removed, and the '\n' at each offset of crlf (ascending) was
	// "\r\n" (see RawOffset).
	bom  bool
	crlf []int
}

// Document is one YAML document or one element of a JSON array.
type Document struct {
	Index int
	Root  *Node
	// File is the file the document is read from (its text is complete;
	// its Problems and Docs may not be yet), for suggested fixes.
	File *File
}

// Options bound the work one file may cause.
type Options struct {
	MaxAliasNodes int // nodes that alias expansion may create per file

	// goYAMLOnly reads every YAML document with go-yaml, never the fast
	// path (tests and benchmarks compare the two).
	goYAMLOnly bool
	// strictFast makes a bug of the fast path (a runtime panic) crash
	// instead of quietly handing the document to go-yaml (tests).
	strictFast bool
}

// DefaultOptions are the limits used when none are given.
var DefaultOptions = Options{MaxAliasNodes: 100000}

// Load reads one file's bytes into documents. It never fails: every problem
// becomes a diagnostic in File.Problems, and the documents that could be
// read are kept.
func Load(path string, data []byte, opts Options) *File {
	return loadFile(path, data, opts, nil)
}

// LoadEach is Load handing each document to fn as soon as it is read,
// instead of keeping it in Docs: a file of ten thousand documents then
// never holds more than one tree. Problems found in a document are in
// Problems before fn sees it.
func LoadEach(path string, data []byte, opts Options, fn func(*Document)) *File {
	return loadFile(path, data, opts, fn)
}

func (f *File) emit(d *Document) {
	d.File = f
	if f.each == nil {
		f.Docs = append(f.Docs, d)
		return
	}
	// A panic in fn is the caller's, not a parser failure: it is carried
	// past loadFile's recover and raised again there.
	defer func() {
		if r := recover(); r != nil {
			panic(callerPanic{r})
		}
	}()
	f.each(d)
}

type callerPanic struct{ v any }

func loadFile(path string, data []byte, opts Options, each func(*Document)) (f *File) {
	if opts.MaxAliasNodes == 0 {
		opts.MaxAliasNodes = DefaultOptions.MaxAliasNodes
	}
	f = &File{Path: path, each: each}
	ext := strings.ToLower(filepath.Ext(path))
	f.IsJSON = ext == ".json"
	defer func() {
		// go-yaml can panic on odd input; a panic is a bug, but the user
		// gets a diagnostic, not a crash.
		if r := recover(); r != nil {
			if cp, ok := r.(callerPanic); ok {
				panic(cp.v)
			}
			f.Docs = nil
			f.problem(RuleSyntax, diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}}, 0,
				fmt.Sprintf("the file could not be parsed (internal parser failure: %v)", r))
		}
	}()
	src, ok := f.decode(data)
	if !ok {
		return f
	}
	f.Src = src
	f.index()
	if f.IsJSON {
		f.loadJSON()
	} else {
		f.loadYAML(opts)
	}
	return f
}

// Text returns a File that holds only the text of data, as Load would
// keep it (BOM removed, line endings normalised), with no documents: what
// snippets need for a file whose results came from the cache.
func Text(path string, data []byte) *File {
	f := &File{Path: path}
	if src, ok := f.decode(data); ok {
		f.Src = src
		f.index()
	}
	f.Problems = nil
	return f
}

func (f *File) problem(rule string, r diag.Range, doc int, msg string, related ...diag.Related) {
	f.Problems = append(f.Problems, diag.Diagnostic{
		File: f.Path, Range: r, Severity: diag.Error, Rule: rule, Message: msg, Document: doc, Related: related,
	})
}

// decode checks the encoding and normalises line endings.
func (f *File) decode(data []byte) ([]byte, bool) {
	first := diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		f.problem(RuleEncoding, first, 0, "the file is UTF-16 encoded; definitions must be UTF-8")
		return nil, false
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:] // a UTF-8 BOM is accepted
		f.bom = true
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		f.problem(RuleEncoding, rangeAtOffset(data, i), 0, "the file contains a NUL byte: it looks binary, not a YAML or JSON definition")
		return nil, false
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		f.problem(RuleEncoding, rangeAtOffset(data, i), 0, fmt.Sprintf("invalid UTF-8 (byte 0x%02X); definitions must be UTF-8", data[i]))
		return nil, false
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		f.crlf = crlfOffsets(data)
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, true
}

// rangeAtOffset is the one-character range at a byte offset of raw data
// (before line endings are normalised; CRLF and CR both end a line).
func rangeAtOffset(data []byte, off int) diag.Range {
	line, col := 1, 1
	for i := 0; i < off && i < len(data); {
		c := data[i]
		if c == '\n' || (c == '\r' && (i+1 >= len(data) || data[i+1] != '\n')) {
			line, col = line+1, 1
			i++
			continue
		}
		if c == '\r' {
			i++
			continue
		}
		_, size := utf8.DecodeRune(data[i:])
		i += size
		col++
	}
	return diag.Range{Start: diag.Pos{Line: line, Col: col}, End: diag.Pos{Line: line, Col: col + 1}}
}

func (f *File) index() {
	f.lineStarts = append(f.lineStarts[:0], 0)
	for i, c := range f.Src {
		if c == '\n' {
			f.lineStarts = append(f.lineStarts, i+1)
		}
	}
	f.lastLine = -1
}

// Lines returns the number of lines.
func (f *File) Lines() int { return len(f.lineStarts) }

// Line returns the text of a 1-based line without its newline.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lineStarts) {
		return ""
	}
	s := f.lineStarts[n-1]
	e := len(f.Src)
	if n < len(f.lineStarts) {
		e = f.lineStarts[n] - 1
	}
	return string(f.Src[s:e])
}

// PosAt converts a byte offset of Src to a position. Calls with increasing
// offsets on one line cost only the distance walked.
func (f *File) PosAt(off int) diag.Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.Src) {
		off = len(f.Src)
	}
	line := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off }) // 1-based line
	start := f.lineStarts[line-1]
	from, col := start, 1
	if f.lastLine == line && f.lastOff <= off {
		from, col = f.lastOff, f.lastCol
	}
	col += utf8.RuneCount(f.Src[from:off])
	f.lastLine, f.lastOff, f.lastCol = line, off, col
	return diag.Pos{Line: line, Col: col}
}

// OffsetOf converts a position to a byte offset of Src (the inverse of PosAt).
func (f *File) OffsetOf(p diag.Pos) int {
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(f.lineStarts) {
		return len(f.Src)
	}
	start := f.lineStarts[p.Line-1]
	end := len(f.Src)
	if p.Line < len(f.lineStarts) {
		end = f.lineStarts[p.Line] - 1
	}
	if p.Col <= 1 {
		return start
	}
	if end-start > longLine {
		// A long line (minified JSON, a flow collection on one line) is
		// indexed once, so that positions on it cost O(1), not O(line).
		runes := f.longLineRunes(p.Line, start, end)
		if runes == nil { // ASCII
			return min(start+p.Col-1, end)
		}
		if p.Col-1 < len(runes) {
			return runes[p.Col-1]
		}
		return end
	}
	off := start
	for c := 1; c < p.Col && off < end; c++ {
		if f.Src[off] < utf8.RuneSelf {
			off++
			continue
		}
		_, size := utf8.DecodeRune(f.Src[off:end])
		off += size
	}
	return off
}

// clamp moves a position that go-yaml puts past the end of its line (it
// does, on some odd input) or past the last line to the nearest place in
// the file, so that every reported position is one.
func (f *File) clamp(p diag.Pos) diag.Pos {
	if p.Line > len(f.lineStarts) {
		p.Line = len(f.lineStarts)
		p.Col = f.lineLen(p.Line) + 1
	}
	if p.Line < 1 {
		return diag.Pos{Line: 1, Col: 1}
	}
	if p.Col > 1 {
		p.Col = min(p.Col, f.lineLen(p.Line)+1)
	}
	return p
}

// lineLen is the number of characters of a 1-based line.
func (f *File) lineLen(n int) int {
	start := f.lineStarts[n-1]
	end := len(f.Src)
	if n < len(f.lineStarts) {
		end = f.lineStarts[n] - 1
	}
	if end-start > longLine {
		if runes := f.longLineRunes(n, start, end); runes != nil {
			return len(runes)
		}
		return end - start
	}
	return utf8.RuneCount(f.Src[start:end])
}

// longLine is the length from which OffsetOf indexes a line.
const longLine = 256

// longLineRunes returns the byte offset of every character of a long line,
// or nil when the line is ASCII (offset = start + column - 1).
func (f *File) longLineRunes(line, start, end int) []int {
	if r, ok := f.longLines[line]; ok {
		return r
	}
	if f.longLines == nil {
		f.longLines = map[int][]int{}
	}
	var runes []int
	ascii := true
	for _, c := range f.Src[start:end] {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		runes = make([]int, 0, end-start)
		for off := start; off < end; {
			runes = append(runes, off)
			_, size := utf8.DecodeRune(f.Src[off:end])
			off += size
		}
	}
	f.longLines[line] = runes
	return runes
}

func (f *File) loadJSON() {
	root, dups, err := parseJSON(f.Src, f.PosAt, f)
	for _, d := range dups {
		doc := 0
		if root != nil && root.Kind == Array {
			// the array element that holds the duplicate
			for i, it := range root.Items {
				if !d.Range.Start.Less(it.Range.Start) && d.Range.Start.Less(it.Range.End) {
					doc = i
				}
			}
		}
		f.problem(RuleDuplicateKey, d.Range, doc, diag.Sprintf("duplicate key %q (the first one is kept)", d.Key),
			diag.Related{File: f.Path, Range: d.First, Message: "first defined here"})
	}
	if err != nil {
		se := err.(*SyntaxError)
		if se.Limit {
			f.problem(RuleLimit, se.Range, 0, "the JSON "+se.Msg)
			return
		}
		f.problem(RuleSyntax, se.Range, 0, "invalid JSON: "+se.Msg)
		return
	}
	if root.Kind == Array {
		for i, it := range root.Items {
			it.SetPointers("")
			f.emit(&Document{Index: i, Root: it})
		}
		return
	}
	root.SetPointers("")
	f.emit(&Document{Index: 0, Root: root})
}
