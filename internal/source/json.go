package source

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// MaxDepth is how deeply objects and arrays may nest in a definition. Real
// definitions nest fewer than ten levels; the limit keeps hostile input from
// exhausting the stack.
const MaxDepth = 200

// SyntaxError is a parse failure at a position.
type SyntaxError struct {
	Range diag.Range
	Msg   string
	// Limit is set when the text was refused for its size or depth, not
	// for its syntax (reported under the limit rule).
	Limit bool
}

func (e *SyntaxError) Error() string { return e.Msg }

// DuplicateKey records a key that appears twice in one object.
type DuplicateKey struct {
	Key   string
	Range diag.Range // the later occurrence
	First diag.Range // the first occurrence
}

// jsonParser is a small position-tracking JSON parser. encoding/json loses
// positions and goccy/go-yaml is several times slower on JSON; this parser
// also reads JSON documents held in strings, through a position mapping.
type jsonParser struct {
	src    []byte
	i      int
	pos    func(off int) diag.Pos
	dups   []DuplicateKey
	depth  int
	values int
	// rawStrings records, for each string node, where its raw text starts
	// (the opening quote), so that a JSON string inside can be expanded.
	file *File
}

// parseJSON parses one JSON value filling the whole input. pos maps byte
// offsets of src to file positions.
func parseJSON(src []byte, pos func(int) diag.Pos, file *File) (*Node, []DuplicateKey, error) {
	p := &jsonParser{src: src, pos: pos, file: file}
	p.ws()
	if p.i >= len(p.src) {
		return nil, nil, p.errAt(p.i, "empty JSON document")
	}
	n, err := p.value()
	if err != nil {
		return nil, p.dups, err
	}
	p.ws()
	if p.i < len(p.src) {
		return nil, p.dups, p.errAt(p.i, fmt.Sprintf("unexpected %s after the JSON value", p.describe(p.i)))
	}
	return n, p.dups, nil
}

func (p *jsonParser) errAt(off int, msg string) *SyntaxError {
	s := p.pos(off)
	e := s
	if off < len(p.src) {
		e = p.pos(off + 1)
	} else {
		e.Col++
	}
	return &SyntaxError{Range: diag.Range{Start: s, End: e}, Msg: msg}
}

func (p *jsonParser) describe(off int) string {
	if off >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.src[off:])
	if r < 0x20 || r == utf8.RuneError {
		return fmt.Sprintf("character %U", r)
	}
	return strconv.QuoteRune(r)
}

func (p *jsonParser) ws() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) rng(start, end int) diag.Range {
	return diag.Range{Start: p.pos(start), End: p.pos(end)}
}

func (p *jsonParser) value() (*Node, error) {
	if p.i >= len(p.src) {
		return nil, p.errAt(p.i, "unexpected end of input, expected a value")
	}
	if p.values++; p.values > MaxValues {
		e := p.errAt(p.i, fmt.Sprintf("holds more than %d values; it is not checked", MaxValues))
		e.Limit = true
		return nil, e
	}
	start := p.i
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n := &Node{Kind: String, Value: s, Range: p.rng(start, p.i)}
		if p.file != nil {
			n.scalar = &scalarSrc{style: styleJSON, off: start, file: p.file}
		}
		return n, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		for _, lit := range [...]struct {
			word string
			kind Kind
		}{{"true", Bool}, {"false", Bool}, {"null", Null}} {
			if len(p.src)-p.i >= len(lit.word) && string(p.src[p.i:p.i+len(lit.word)]) == lit.word {
				p.i += len(lit.word)
				v := lit.word
				if lit.kind == Null {
					v = ""
				}
				return &Node{Kind: lit.kind, Value: v, Range: p.rng(start, p.i)}, nil
			}
		}
		return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s, expected a value", p.describe(p.i)))
	}
}

func (p *jsonParser) enter() error {
	p.depth++
	if p.depth > MaxDepth {
		e := p.errAt(p.i, fmt.Sprintf("nests deeper than %d levels; it is not checked", MaxDepth))
		e.Limit = true
		return e
	}
	return nil
}

func (p *jsonParser) object() (*Node, error) {
	start := p.i
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.i++ // {
	n := &Node{Kind: Object}
	seen := map[string]int{}
	p.ws()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		n.Range = p.rng(start, p.i)
		return n, nil
	}
	for {
		p.ws()
		if p.i >= len(p.src) || p.src[p.i] != '"' {
			return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s, expected a quoted key", p.describe(p.i)))
		}
		ks := p.i
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		kr := p.rng(ks, p.i)
		p.ws()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s, expected ':' after key", p.describe(p.i)))
		}
		p.i++
		p.ws()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		if first, dup := seen[key]; dup {
			p.dups = append(p.dups, DuplicateKey{Key: key, Range: kr, First: n.Fields[first].KeyRange})
		} else {
			seen[key] = len(n.Fields)
			n.Fields = append(n.Fields, &Field{Key: key, RawKey: key, KeyRange: kr, Value: v})
		}
		end := p.i
		p.ws()
		if p.i >= len(p.src) {
			return nil, p.errAt(p.i, "unexpected end of input, expected ',' or '}'")
		}
		switch p.src[p.i] {
		case ',':
			p.i++
			continue
		case '}':
			p.i++
			n.Range = p.rng(start, p.i)
			return n, nil
		default:
			if p.src[p.i] == '"' {
				// Another key: the comma is missing where it belongs,
				// right after the value (perhaps lines above).
				of := ""
				if utf8.RuneCountInString(key) <= 40 {
					of = fmt.Sprintf(" of %q", key)
				}
				return nil, p.errAt(end, fmt.Sprintf("missing comma after the value%s, before the next key", of))
			}
			return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s, expected ',' or '}'", p.describe(p.i)))
		}
	}
}

func (p *jsonParser) array() (*Node, error) {
	start := p.i
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.i++ // [
	n := &Node{Kind: Array}
	p.ws()
	if p.i < len(p.src) && p.src[p.i] == ']' {
		p.i++
		n.Range = p.rng(start, p.i)
		return n, nil
	}
	for {
		p.ws()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.Items = append(n.Items, v)
		end := p.i
		p.ws()
		if p.i >= len(p.src) {
			return nil, p.errAt(p.i, "unexpected end of input, expected ',' or ']'")
		}
		switch p.src[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			n.Range = p.rng(start, p.i)
			return n, nil
		default:
			if startsValue(p.src[p.i]) {
				return nil, p.errAt(end, fmt.Sprintf("missing comma after item %d, before the next value", len(n.Items)))
			}
			return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s, expected ',' or ']'", p.describe(p.i)))
		}
	}
}

// startsValue reports whether a byte can begin a JSON value.
func startsValue(c byte) bool {
	switch c {
	case '"', '{', '[', '-', 't', 'f', 'n':
		return true
	}
	return c >= '0' && c <= '9'
}

func (p *jsonParser) number() (*Node, error) {
	start := p.i
	if p.src[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		s := p.i
		for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			p.i++
		}
		return p.i - s
	}
	intStart := p.i
	if digits() == 0 {
		return nil, p.errAt(p.i, "invalid number: expected a digit")
	}
	if p.src[intStart] == '0' && p.i-intStart > 1 {
		return nil, p.errAt(intStart, "invalid number: leading zero")
	}
	if p.i < len(p.src) && p.src[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, p.errAt(p.i, "invalid number: expected a digit after '.'")
		}
	}
	if p.i < len(p.src) && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		p.i++
		if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, p.errAt(p.i, "invalid number: expected a digit in the exponent")
		}
	}
	return &Node{Kind: Number, Value: string(p.src[start:p.i]), Range: p.rng(start, p.i)}, nil
}

// str reads a JSON string starting at the opening quote.
func (p *jsonParser) str() (string, error) {
	p.i++ // "
	start := p.i
	// Fast path: no escapes.
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c == '"' {
			s := p.src[start:p.i]
			p.i++
			if !utf8.Valid(s) {
				return "", p.errAt(start, "invalid UTF-8 in string")
			}
			return string(s), nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.i++
	}
	buf := append([]byte(nil), p.src[start:p.i]...)
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch {
		case c == '"':
			p.i++
			if !utf8.Valid(buf) {
				return "", p.errAt(start, "invalid UTF-8 in string")
			}
			return string(buf), nil
		case c < 0x20:
			return "", p.errAt(p.i, fmt.Sprintf("control character %U in string (escape it)", rune(c)))
		case c == '\\':
			r, size, ok := decodeJSONEscape(p.src[p.i:])
			if !ok {
				return "", p.errAt(p.i, "invalid escape sequence in string")
			}
			buf = utf8.AppendRune(buf, r)
			p.i += size
		default:
			buf = append(buf, c)
			p.i++
		}
	}
	return "", p.errAt(p.i, "unterminated string")
}

// decodeJSONEscape decodes the escape at the start of b (which begins with
// a backslash), returning the rune and the number of bytes consumed.
func decodeJSONEscape(b []byte) (rune, int, bool) {
	if len(b) < 2 {
		return 0, 0, false
	}
	switch b[1] {
	case '"', '\\', '/':
		return rune(b[1]), 2, true
	case 'b':
		return '\b', 2, true
	case 'f':
		return '\f', 2, true
	case 'n':
		return '\n', 2, true
	case 'r':
		return '\r', 2, true
	case 't':
		return '\t', 2, true
	case 'u':
		r, ok := hex4(b[2:])
		if !ok {
			return 0, 0, false
		}
		if utf16.IsSurrogate(r) {
			if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
				if r2, ok := hex4(b[8:]); ok {
					if c := utf16.DecodeRune(r, r2); c != utf8.RuneError {
						return c, 12, true
					}
				}
			}
			return utf8.RuneError, 6, true
		}
		return r, 6, true
	}
	return 0, 0, false
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			r |= rune(c-'A') + 10
		default:
			return 0, false
		}
	}
	return r, true
}
