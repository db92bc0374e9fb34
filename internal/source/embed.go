package source

import (
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
)

type scalarStyle uint8

const (
	stylePlain scalarStyle = iota
	styleSingle
	styleDouble
	styleLiteral
	styleFolded
	styleJSON // a string inside a JSON file
)

// scalarSrc records where a string scalar is written, so that a JSON
// document inside it can be reported at its own lines and columns.
type scalarSrc struct {
	style scalarStyle
	off   int // byte offset of the scalar's first character (quote or block indicator)
	file  *File
}

// Expand parses the JSON document held in a String node and returns it as
// a tree whose positions point into the file, inside the string. It returns
// a *SyntaxError (positioned inside the string) when the text is not JSON.
// Duplicate keys inside the string are returned too.
func Expand(n *Node) (*Node, []DuplicateKey, error) {
	val := []byte(n.Value)
	posFn := constPos(n.Range.Start)
	if n.scalar != nil && n.scalar.file != nil {
		if m := n.scalar.mapping(n.Value); m != nil {
			f := n.scalar.file
			posFn = func(off int) diag.Pos {
				if off >= len(m) {
					off = len(m) - 1
				}
				return f.PosAt(m[off])
			}
		}
	}
	root, dups, err := parseJSON(val, posFn, nil)
	if err != nil {
		return nil, dups, err
	}
	root.Walk(func(x *Node) bool { x.Embedded = true; return true })
	root.JSONString = true
	root.StringRange = n.Range
	return root, dups, nil
}

func constPos(p diag.Pos) func(int) diag.Pos { return func(int) diag.Pos { return p } }

// mapping returns, for each byte of the decoded value (and one past its
// end), the byte offset in the file where it is written; nil when the
// scalar cannot be walked back exactly (then positions fall back to the
// scalar's start).
func (s *scalarSrc) mapping(want string) []int {
	src := s.file.Src
	if s.off >= len(src) {
		return nil
	}
	// Sized for the common case (the value and its mapping, plus the end),
	// so that the walk appends without growing.
	dec := make([]byte, 0, len(want)+8)
	out := make([]int, 0, len(want)+8)
	emit := func(b []byte, at int) {
		for range b {
			out = append(out, at)
		}
		dec = append(dec, b...)
	}
	// fold applies YAML line folding at the line break src[nl] of a flow
	// scalar: trailing blanks are dropped, a single break becomes a space
	// and n empty lines become n newlines. It returns where the next line's
	// text starts.
	lineStart := 0
	fold := func(nl int) int {
		for len(dec) > lineStart && (dec[len(dec)-1] == ' ' || dec[len(dec)-1] == '\t') {
			dec, out = dec[:len(dec)-1], out[:len(out)-1]
		}
		i := skipBlanks(src, nl+1)
		empty := 0
		for i < len(src) && src[i] == '\n' {
			empty++
			i = skipBlanks(src, i+1)
		}
		if empty == 0 {
			emit([]byte{' '}, nl)
		}
		for k := 0; k < empty; k++ {
			emit([]byte{'\n'}, nl)
		}
		lineStart = len(dec)
		return i
	}
	var end int
	switch s.style {
	case styleDouble, styleSingle, styleJSON:
		quote := src[s.off]
		i := s.off + 1
		for i < len(src) {
			c := src[i]
			if c == quote {
				if s.style == styleSingle && i+1 < len(src) && src[i+1] == '\'' {
					emit([]byte{'\''}, i)
					i += 2
					continue
				}
				break
			}
			if c == '\\' && s.style != styleSingle {
				if s.style == styleDouble && i+1 < len(src) && src[i+1] == '\n' {
					i = skipBlanks(src, i+2)
					continue
				}
				var r rune
				var size int
				var ok bool
				if s.style == styleJSON {
					r, size, ok = decodeJSONEscape(src[i:])
				} else {
					r, size, ok = decodeYAMLEscape(src[i:])
				}
				if !ok {
					return nil
				}
				emit(utf8.AppendRune(nil, r), i)
				i += size
				continue
			}
			if c == '\n' && s.style != styleJSON {
				i = fold(i)
				continue
			}
			emit(src[i:i+1], i)
			i++
		}
		end = i
	case stylePlain:
		i := s.off
		for i < len(src) && len(dec) < len(want) {
			c := src[i]
			if c == '\n' {
				i = fold(i)
				continue
			}
			emit(src[i:i+1], i)
			i++
		}
		end = i
	case styleLiteral, styleFolded:
		i := s.off
		for i < len(src) && src[i] != '\n' {
			i++
		}
		i++ // first content line
		indent := -1
		type line struct{ start, end int }
		var lines []line
		for i < len(src) {
			e := i
			for e < len(src) && src[e] != '\n' {
				e++
			}
			sp := 0
			for i+sp < e && src[i+sp] == ' ' {
				sp++
			}
			if i+sp == e { // blank line
				lines = append(lines, line{i + min(sp, max(indent, 0)), e})
			} else {
				if indent < 0 {
					indent = sp
				}
				if sp < indent {
					break
				}
				lines = append(lines, line{i + indent, e})
			}
			i = e + 1
		}
		for k, l := range lines {
			for j := l.start; j < l.end; j++ {
				emit(src[j:j+1], j)
			}
			if s.style == styleLiteral || k == len(lines)-1 {
				emit([]byte{'\n'}, l.end)
				continue
			}
			next := lines[k+1]
			cur := src[l.start:l.end]
			nxt := src[next.start:next.end]
			if len(cur) == 0 || len(nxt) == 0 || cur[0] == ' ' || cur[0] == '\t' || nxt[0] == ' ' || nxt[0] == '\t' {
				emit([]byte{'\n'}, l.end)
			} else {
				emit([]byte{' '}, l.end)
			}
		}
		if len(lines) > 0 {
			end = lines[len(lines)-1].end
		}
	}
	// Chomping and any rule not modelled above: accept a walk that yields
	// the value followed only by line breaks; otherwise give up.
	if len(dec) > len(want) {
		for _, c := range dec[len(want):] {
			if c != '\n' {
				return nil
			}
		}
		dec, out = dec[:len(want)], out[:len(want)]
	}
	if string(dec) != want {
		return nil
	}
	if len(out) > 0 {
		end = out[len(out)-1] + 1
	}
	return append(out, end)
}

func skipBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// decodeYAMLEscape decodes a double-quoted YAML escape starting at b[0]=='\\'.
func decodeYAMLEscape(b []byte) (rune, int, bool) {
	if len(b) < 2 {
		return 0, 0, false
	}
	simple := map[byte]rune{'0': 0, 'a': 7, 'b': 8, 't': 9, '\t': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13, 'e': 0x1b,
		' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029}
	if r, ok := simple[b[1]]; ok {
		return r, 2, true
	}
	n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[b[1]]
	if n == 0 || len(b) < 2+n {
		return 0, 0, false
	}
	var r rune
	for _, c := range b[2 : 2+n] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, 0, false
		}
	}
	return r, 2 + n, true
}
