package source

import (
	"bytes"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Suggested fixes are computed on Src (the text with a BOM removed and
// line endings made "\n"): the helpers below return edits in offsets of
// Src, and the engine maps every edit of a file to the bytes as read with
// RawOffsets once the file is checked. A helper returns ok false whenever
// it cannot tell exactly which bytes to change: a wrong edit is worse than
// none.

// FixEdit is an edit a helper below could make (OK), or could not.
type FixEdit struct {
	diag.Edit
	OK bool
}

// Edit wraps a helper's result: Fix(f.RenameKey(fl, "X")).
func Edit(e diag.Edit, ok bool) FixEdit { return FixEdit{e, ok} }

// crlfOffsets lists, for data with "\r\n" line endings, the offset each
// '\n' of such a pair has once the pairs are made "\n".
func crlfOffsets(data []byte) []int {
	var out []int
	removed := 0
	for i := 0; i+1 < len(data); i++ {
		if data[i] == '\r' && data[i+1] == '\n' {
			out = append(out, i+1-removed-1)
			removed++
			i++
		}
	}
	return out
}

// RawOffset maps a byte offset of Src to the offset of the same byte in
// the file as read (before the BOM was removed and "\r\n" made "\n"). The
// offset of a '\n' that was "\r\n" maps to the '\r', so that a range
// ending after a line break ends after the whole pair.
func (f *File) RawOffset(off int) int {
	// SearchInts counts the pairs before off.
	return off + sort.SearchInts(f.crlf, off) + f.bomLen()
}

func (f *File) bomLen() int {
	if f.bom {
		return 3
	}
	return 0
}

// RawFixes maps the edits of fixes computed on Src to the file as read
// (in place).
func (f *File) RawFixes(fixes []diag.Fix) {
	if !f.bom && len(f.crlf) == 0 {
		return
	}
	for i := range fixes {
		for j := range fixes[i].Edits {
			e := &fixes[i].Edits[j]
			e.Start, e.End = f.RawOffset(e.Start), f.RawOffset(e.End)
			if len(f.crlf) > 0 && strings.Contains(e.NewText, "\n") {
				e.NewText = strings.ReplaceAll(e.NewText, "\n", "\r\n")
			}
		}
	}
}

// fixSafe reports whether s can be written unchanged in every place a key
// or a scalar value may stand: a YAML plain, single- or double-quoted
// scalar, a JSON string, and a JSON string inside any of those (no quote,
// backslash, blank, indicator or non-ASCII character, so no escaping is
// ever needed). Documented names and enum values all are.
func fixSafe(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case (c == '-' || c == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}

// plainString reports whether YAML reads s, written plain, as the string s
// (not a boolean, null or number).
func plainString(s string) bool {
	c := s[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return false
	}
	return true
}

// tokenAt finds old written at r: as plain text, 'old', "old" or, inside
// a JSON string held by a double-quoted string, \"old\". It returns the
// offsets of old itself (the quoting is left as written), and whether
// old is written plain.
func (f *File) tokenAt(r diag.Range, old string, embedded bool) (start, end int, plain, ok bool) {
	if f == nil || r == (diag.Range{}) || !fixSafe(old) {
		return 0, 0, false, false
	}
	s, e := f.OffsetOf(r.Start), f.OffsetOf(r.End)
	if s < 0 || e > len(f.Src) || s >= e {
		return 0, 0, false, false
	}
	if !embedded && anchored(f.Src, s) {
		return 0, 0, false, false
	}
	text := bytes.TrimRight(f.Src[s:e], " \t")
	for _, q := range [...]string{"", "'", `"`, `\"`} {
		if (q == "" || q == "'") && embedded {
			continue // a key or string inside JSON is always "quoted"
		}
		if len(text) == 2*len(q)+len(old) && string(text) == q+old+q {
			return s + len(q), s + len(q) + len(old), q == "", true
		}
	}
	return 0, 0, false, false
}

// anchored reports whether the YAML node written at src[at] carries an
// anchor or a tag (&name value, !tag value): an anchored value may be used
// elsewhere through an alias, where the change would apply too.
func anchored(src []byte, at int) bool {
	i := at
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i == at {
		return false
	}
	j := i
	for j > 0 && src[j-1] != ' ' && src[j-1] != '\t' && src[j-1] != '\n' {
		j--
	}
	return j < i && (src[j] == '&' || src[j] == '!')
}

// RenameKey returns the edit that renames the key of fl to key, keeping
// the key's quoting. ok is false when the key is not written exactly as
// read at its range (an escape, a key a front-end spelt otherwise), or
// when either name would need escaping somewhere.
func (f *File) RenameKey(fl *Field, key string) (diag.Edit, bool) {
	if fl == nil || !fixSafe(key) {
		return diag.Edit{}, false
	}
	s, e, plain, ok := f.tokenAt(fl.KeyRange, fl.RawKey, fl.Value != nil && fl.Value.Embedded)
	if !ok || (plain && !plainString(key)) {
		return diag.Edit{}, false
	}
	return diag.Edit{Start: s, End: e, NewText: key}, true
}

// ReplaceString returns the edit that replaces the string value of n by
// value, keeping its quoting (a plain scalar stays plain, so value must
// read as a string there). ok is false as for RenameKey, and for a block
// scalar.
func (f *File) ReplaceString(n *Node, old, value string) (diag.Edit, bool) {
	if n == nil || n.Kind != String || !fixSafe(value) {
		return diag.Edit{}, false
	}
	s, e, plain, ok := f.tokenAt(n.Range, old, n.Embedded)
	if !ok || (plain && !plainString(value)) {
		return diag.Edit{}, false
	}
	return diag.Edit{Start: s, End: e, NewText: value}, true
}

// DeleteField returns the edit that removes the entry fl of the object
// obj, for an entry whose value is a scalar written on the key's line:
//   - in YAML, a block mapping entry alone on its line(s): the whole line
//     goes, with its comment;
//   - in a JSON file, the member and one comma beside it.
//
// ok is false for anything else (a flow mapping, an entry inside a JSON
// string, the only entry of an object, a value running onto more lines).
func (f *File) DeleteField(obj *Node, fl *Field) (diag.Edit, bool) {
	if f == nil || obj == nil || obj.Kind != Object || len(obj.Fields) < 2 || fl == nil || fl.Value == nil {
		return diag.Edit{}, false
	}
	v := fl.Value
	if v.Embedded || v.Kind == Object || v.Kind == Array || fl.KeyRange == (diag.Range{}) || v.Range == (diag.Range{}) {
		return diag.Edit{}, false
	}
	at := -1
	for i, x := range obj.Fields {
		if x == fl {
			at = i
		}
	}
	if at < 0 {
		return diag.Edit{}, false
	}
	if f.IsJSON {
		return f.deleteJSONMember(obj, at)
	}
	// A sibling written at the same column on another line: the entry is
	// one of a block mapping's, not the only key a front-end's tree puts
	// beside keys it made up.
	sibling := false
	for _, x := range obj.Fields {
		if x != fl && x.KeyRange.Start.Col == fl.KeyRange.Start.Col && x.KeyRange.Start.Line != fl.KeyRange.Start.Line {
			sibling = true
		}
	}
	if !sibling {
		return diag.Edit{}, false
	}
	return f.deleteYAMLEntry(fl)
}

func (f *File) deleteJSONMember(obj *Node, at int) (diag.Edit, bool) {
	fl := obj.Fields[at]
	keyStart := f.OffsetOf(fl.KeyRange.Start)
	valEnd := f.OffsetOf(fl.Value.Range.End)
	if keyStart >= valEnd || keyStart >= len(f.Src) || f.Src[keyStart] != '"' {
		return diag.Edit{}, false
	}
	var s, e int
	if at+1 < len(obj.Fields) {
		// "A": 1, "B": 2 → "B": 2
		s, e = keyStart, f.OffsetOf(obj.Fields[at+1].KeyRange.Start)
	} else {
		// "A": 1, "B": 2 → "A": 1
		s, e = f.OffsetOf(obj.Fields[at-1].Value.Range.End), valEnd
	}
	// Between the two ends there must be only the member, blanks and one
	// comma: anything else means a range is not what it seems.
	between := f.Src[s:e]
	if at+1 < len(obj.Fields) {
		between = f.Src[valEnd:e]
	} else {
		between = f.Src[s:keyStart]
	}
	if bytes.Count(between, []byte(",")) != 1 || len(bytes.Trim(between, " \t\n,")) != 0 {
		return diag.Edit{}, false
	}
	return diag.Edit{Start: s, End: e}, true
}

func (f *File) deleteYAMLEntry(fl *Field) (diag.Edit, bool) {
	keyStart := f.OffsetOf(fl.KeyRange.Start)
	ls := keyStart
	for ls > 0 && f.Src[ls-1] != '\n' {
		ls--
	}
	if len(bytes.TrimLeft(f.Src[ls:keyStart], " ")) != 0 {
		return diag.Edit{}, false // "- Key: v" or "{Key: v}": not a line of its own
	}
	indent := keyStart - ls
	v := fl.Value
	if v.Range.Start.Line != fl.KeyRange.Start.Line || v.Range.End.Line != v.Range.Start.Line {
		return diag.Edit{}, false
	}
	if vs := f.OffsetOf(v.Range.Start); vs < len(f.Src) && (f.Src[vs] == '|' || f.Src[vs] == '>' || f.Src[vs] == '&' || f.Src[vs] == '*' || f.Src[vs] == '!') {
		return diag.Edit{}, false // a block scalar, an anchor, an alias or a tag
	}
	le := bytes.IndexByte(f.Src[keyStart:], '\n')
	if le < 0 {
		le = len(f.Src)
	} else {
		le += keyStart + 1
	}
	// The value must end on this line: the next line that is not blank
	// is indented no deeper than the key (a continuation would be).
	for i := le; i < len(f.Src); {
		j := bytes.IndexByte(f.Src[i:], '\n')
		line := f.Src[i:]
		if j >= 0 {
			line = f.Src[i : i+j]
		}
		if t := bytes.TrimLeft(line, " \t"); len(t) > 0 {
			if len(line)-len(bytes.TrimLeft(line, " ")) > indent || t[0] == '\t' {
				return diag.Edit{}, false
			}
			break
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return diag.Edit{Start: ls, End: le}, true
}
