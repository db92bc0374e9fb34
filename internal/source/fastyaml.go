package source

import (
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// The fast path: a hand-written reader for the block YAML that definitions
// are nearly always written in (block mappings and sequences, one-line
// plain and quoted scalars, literal and folded blocks, comments). It builds
// the very tree that go-yaml plus yamlConv build, position for position,
// without go-yaml's tokens and AST, which cost most of a cold lint. go-yaml
// stays the parser of record: on anything outside the subset, and on
// anything go-yaml might read differently or reject, the fast path gives up
// before it has changed anything and the document goes to go-yaml. Where
// go-yaml places a position oddly (a plain scalar followed by blanks at the
// end of its line starts as many characters late), the fast path does the
// same: the two must never be told apart.

// fastMaxDepth is how deeply the fast path nests; deeper documents go to
// go-yaml, which reports the limits.
const fastMaxDepth = 50

// fastLine is one line of the document text.
type fastLine struct {
	start, end int // byte offsets in text; end is the '\n' (or len(text))
	indent     int // leading spaces
	num        int // line number in the file
	kind       uint8
	ascii      bool
}

const (
	lineBlank   uint8 = iota // nothing but spaces
	lineComment              // a comment after optional spaces
	lineContent
)

type fastParser struct {
	f     *File
	text  []byte
	str   string // text as a string: keys and plain values are slices of it
	base  int    // offset of text[0] in f.Src
	doc   int
	lines []fastLine
	li    int // the line being read
	probs []diag.Diagnostic

	// Nodes, fields and scalar sources are handed out of slabs, and the
	// fields and items of a collection are stacked while it is read and
	// copied once into a slice of its exact size: a few allocations per
	// document instead of several per node.
	nodes   []Node
	fields  []Field
	srcs    []scalarSrc
	ptrs    []*Field
	nptrs   []*Node
	fstack  []*Field
	istack  []*Node
	content int // content lines in the document
}

// fastPool keeps parsers (their line and stack buffers) for reuse.
var fastPool = sync.Pool{New: func() any { return new(fastParser) }}

// take hands out the next element of a slab, refilling it with size
// fresh elements when it is empty.
func take[T any](slab *[]T, size int) *T {
	if len(*slab) == 0 {
		*slab = make([]T, size)
	}
	e := &(*slab)[0]
	*slab = (*slab)[1:]
	return e
}

// copyOut copies from into the next len(from) elements of a slab (at
// least `least` fresh ones when it is short) and returns them with capacity =
// length, so that an append elsewhere never writes into a neighbour's part
// of the slab.
func copyOut[T any](slab *[]T, from []T, least int) []T {
	n := len(from)
	if n > len(*slab) {
		*slab = make([]T, max(n, least))
	}
	out := (*slab)[:n:n]
	*slab = (*slab)[n:]
	copy(out, from)
	return out
}

func (p *fastParser) node() *Node { return take(&p.nodes, max(16, p.content+p.content/8+4)) }

func (p *fastParser) field() *Field { return take(&p.fields, max(8, p.content+2)) }

func (p *fastParser) src(style scalarStyle, off int) *scalarSrc {
	s := take(&p.srcs, max(16, p.content*3/4+4))
	*s = scalarSrc{style: style, off: p.base + off, file: p.f}
	return s
}

// fieldSlice and itemSlice copy the top of a stack into a slice of its
// own (see copyOut).
func (p *fastParser) fieldSlice(from []*Field) []*Field { return copyOut(&p.ptrs, from, 64) }

func (p *fastParser) itemSlice(from []*Node) []*Node { return copyOut(&p.nptrs, from, 32) }

// bail is what every step panics with when it meets something outside the
// subset; it carries no message because nothing is reported.
type bail struct{}

// parseChunkFast reads one document (as loadYAML hands it to parseChunk)
// on the fast path. ok is false when the document is not in the subset;
// then nothing was reported and go-yaml must read it. With strict, a bug of
// the fast path (a runtime panic) is raised again instead.
func (f *File) parseChunkFast(text []byte, firstLine, docIndex int, strict bool) (root *Node, ok bool) {
	if firstLine < 1 || firstLine > len(f.lineStarts) {
		return nil, false
	}
	p := fastPool.Get().(*fastParser)
	*p = fastParser{f: f, text: text, base: f.lineStarts[firstLine-1], doc: docIndex,
		lines: p.lines[:0], fstack: p.fstack[:0], istack: p.istack[:0]}
	defer func() {
		// Only the buffers are kept; nothing of the tree.
		clear(p.fstack[:cap(p.fstack)])
		clear(p.istack[:cap(p.istack)])
		*p = fastParser{lines: p.lines[:0], fstack: p.fstack[:0], istack: p.istack[:0]}
		fastPool.Put(p)
	}()
	if p.base+len(text) > len(f.Src) || !p.split(firstLine) {
		return nil, false
	}
	p.str = string(text)
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bail); !isBail && strict {
				panic(r)
			}
			root, ok = nil, false
		}
	}()
	i := p.sig(0)
	if i < 0 {
		return nil, false
	}
	p.li = i
	root = p.block(0)
	if p.li >= 0 {
		p.bail() // text left over at a lower indentation than the root
	}
	f.Problems = append(f.Problems, p.probs...)
	return root, true
}

func (p *fastParser) bail() { panic(bail{}) }

// split cuts the text into lines, and gives up on bytes the subset does
// not take anywhere: tabs, control characters, and the few non-ASCII
// characters that YAML treats as breaks or blanks (NEL, NBSP, LS, PS, BOM).
func (p *fastParser) split(firstLine int) bool {
	text := p.text
	n := 1
	for _, c := range text {
		if c == '\n' {
			n++
		}
	}
	p.lines = slices.Grow(p.lines[:0], n)
	num := firstLine
	for off := 0; off <= len(text); {
		l := fastLine{start: off, num: num, ascii: true}
		i := off
		for i < len(text) && text[i] == ' ' {
			i++
		}
		l.indent = i - off
		first := i
		for ; i < len(text); i++ {
			c := text[i]
			if c == '\n' {
				break
			}
			if c < 0x20 || c == 0x7f {
				return false
			}
			if c >= utf8.RuneSelf {
				l.ascii = false
				switch c {
				case 0xC2:
					if i+1 < len(text) && (text[i+1] == 0x85 || text[i+1] == 0xA0) {
						return false
					}
				case 0xE2:
					if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
						return false
					}
				case 0xEF:
					if i+2 < len(text) && text[i+1] == 0xBB && text[i+2] == 0xBF {
						return false
					}
				}
			}
		}
		l.end = i
		switch {
		case first == i:
			l.kind = lineBlank
		case text[first] == '#':
			l.kind = lineComment
		default:
			l.kind = lineContent
			p.content++
		}
		p.lines = append(p.lines, l)
		if i >= len(text) {
			break
		}
		off = i + 1
		num++
	}
	return true
}

// sig returns the first content line at or after i, or -1. A comment line
// that ends in a backslash runs on into the next line for go-yaml: not in
// the subset.
func (p *fastParser) sig(i int) int {
	for ; i < len(p.lines); i++ {
		l := &p.lines[i]
		switch l.kind {
		case lineContent:
			return i
		case lineComment:
			if p.text[l.end-1] == '\\' {
				p.bail()
			}
		}
	}
	return -1
}

// col is the 1-based column (in characters) of byte offset off on line l.
func (p *fastParser) col(l *fastLine, off int) int {
	if l.ascii {
		return off - l.start + 1
	}
	return utf8.RuneCount(p.text[l.start:off]) + 1
}

func (p *fastParser) pos(l *fastLine, off int) diag.Pos {
	return diag.Pos{Line: l.num, Col: p.col(l, off)}
}

// oneChar is the one-character range at off.
func (p *fastParser) oneChar(l *fastLine, off int) diag.Range {
	s := p.pos(l, off)
	return diag.Range{Start: s, End: diag.Pos{Line: s.Line, Col: s.Col + 1}}
}

// isItem reports whether line l is a sequence entry ("- x" or "-").
func (p *fastParser) isItem(l *fastLine) bool {
	i := l.start + l.indent
	return p.text[i] == '-' && (i+1 == l.end || p.text[i+1] == ' ')
}

// block reads the node that starts on the current line (a content line):
// a sequence or a mapping.
func (p *fastParser) block(depth int) *Node {
	if depth > fastMaxDepth {
		p.bail()
	}
	l := &p.lines[p.li]
	if p.isItem(l) {
		return p.sequence(l.indent, depth)
	}
	return p.mapping(l.indent, l.start+l.indent, depth)
}

// sequence reads the entries at indentation ind, from the current line on.
func (p *fastParser) sequence(ind, depth int) *Node {
	first := &p.lines[p.li]
	out := p.node()
	*out = Node{Kind: Array, Range: p.oneChar(first, first.start+ind)}
	base := len(p.istack)
	defer func() {
		out.Items = p.itemSlice(p.istack[base:])
		p.istack = p.istack[:base]
	}()
	for {
		l := &p.lines[p.li]
		dash := l.start + ind
		o := dash + 1
		for o < l.end && p.text[o] == ' ' {
			o++
		}
		var item *Node
		switch {
		case o == l.end || p.text[o] == '#':
			// The entry's node starts on a later line ("-" alone).
			if o < l.end {
				p.comment(l, o)
			}
			next := p.sig(p.li + 1)
			if next < 0 || p.lines[next].indent <= ind {
				p.bail() // an empty entry
			}
			p.li = next
			item = p.block(depth + 1)
		case p.text[o] == '|' || p.text[o] == '>':
			item = p.blockScalar(l, o, ind)
		case p.text[o] == '-' && (o+1 < l.end && p.text[o+1] == ' '):
			// "- - x": a sequence indented as its first dash (ROS
			// templates write Fn::Join's list this way).
			item = p.sequence(o-l.start, depth+1)
		case p.text[o] == '-' && o+1 == l.end:
			p.bail() // "- -"
		default:
			if _, ok := p.keyEnd(l, o); ok {
				// "- key: value": a mapping indented as its first key.
				item = p.mapping(o-l.start, o, depth+1)
			} else {
				item = p.scalarValue(l, o, ind)
			}
		}
		p.istack = append(p.istack, item)
		if p.li < 0 {
			return out
		}
		n := &p.lines[p.li]
		if n.indent < ind || (n.indent == ind && !p.isItem(n)) {
			return out
		}
		if n.indent > ind {
			p.bail()
		}
	}
}

// afterValue moves to the next content line after the value that ended on
// line i, and gives up when that line is indented deeper than ind (a
// continuation line of a scalar, or a node go-yaml would reject). p.li is
// -1 at the end of the text.
func (p *fastParser) afterValue(i, ind int) {
	next := p.sig(i + 1)
	p.li = next
	if next >= 0 && p.lines[next].indent > ind {
		p.bail()
	}
}

// comment checks a trailing comment that starts at off (after a blank).
func (p *fastParser) comment(l *fastLine, off int) {
	if p.text[l.end-1] == '\\' {
		p.bail()
	}
}

// keyEnd finds the ':' that ends a key starting at off on line l; ok is
// false when the line does not start with a key of the subset there.
func (p *fastParser) keyEnd(l *fastLine, off int) (colon int, ok bool) {
	t := p.text
	switch c := t[off]; c {
	case '"', '\'':
		e, ok := p.quoteEnd(l, off)
		if !ok || e >= l.end || t[e] != ':' || (e+1 < l.end && t[e+1] != ' ') {
			return 0, false
		}
		return e, true
	}
	if !plainStart(t, off, l.end) {
		return 0, false
	}
	for i := off + 1; i < l.end; i++ {
		switch t[i] {
		case ':':
			if i+1 == l.end || t[i+1] == ' ' {
				if t[i-1] == ' ' {
					return 0, false // "key :" is left to go-yaml
				}
				return i, true
			}
		case '#':
			if t[i-1] == ' ' {
				return 0, false
			}
		case '<':
			if t[i-1] == '<' {
				return 0, false // a merge key for go-yaml
			}
		}
	}
	return 0, false
}

// plainStart reports whether a plain scalar of the subset may start at
// t[off]: not an indicator, not a document marker.
func plainStart(t []byte, off, end int) bool {
	switch t[off] {
	case '-':
		// "-1", "-x": plain; "- ", "---" are not.
		return off+1 < end && t[off+1] != ' ' && t[off+1] != '-'
	case '.':
		return !(off+2 < end && t[off+1] == '.' && t[off+2] == '.')
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '<', ' ':
		return false
	}
	return true
}

// mapping reads the keys at indentation ind; the first key starts at
// keyOff on the current line.
func (p *fastParser) mapping(ind, keyOff, depth int) *Node {
	if depth > fastMaxDepth {
		p.bail()
	}
	out := p.node()
	*out = Node{Kind: Object}
	var seen map[string]int
	base := len(p.fstack)
	defer func() {
		out.Fields = p.fieldSlice(p.fstack[base:])
		p.fstack = p.fstack[:base]
	}()
	for n := 0; ; n++ {
		l := &p.lines[p.li]
		colon, ok := p.keyEnd(l, keyOff)
		if !ok {
			p.bail()
		}
		fl := p.field()
		if q := p.text[keyOff]; q == '"' || q == '\'' {
			fl.Key = p.quoted(l, keyOff, colon)
			fl.KeyRange = diag.Range{Start: p.pos(l, keyOff), End: p.pos(l, colon)}
		} else {
			fl.Key = p.str[keyOff:colon]
			var k Node
			if fastType(fl.Key, &k) && k.Kind == String {
				p.bail() // .inf, .nan: go-yaml's keys are not strings there
			}
			fl.KeyRange = diag.Range{Start: p.pos(l, keyOff), End: p.pos(l, colon)}
		}
		fl.RawKey = fl.Key
		if n == 0 {
			out.Range = fl.KeyRange
		}
		fl.Value = p.mapValue(l, colon, ind, depth)
		// The first of duplicate keys is kept, as go-yaml's reading does.
		kept := p.fstack[base:]
		if i, dup := p.lookup(kept, seen, fl.Key); dup {
			p.probs = append(p.probs, diag.Diagnostic{
				File: p.f.Path, Range: fl.KeyRange, Severity: diag.Error, Rule: RuleDuplicateKey, Document: p.doc,
				Message: diag.Sprintf("duplicate key %q (the first one is kept)", fl.Key),
				Related: []diag.Related{{File: p.f.Path, Range: kept[i].KeyRange, Message: "first defined here"}},
			})
		} else {
			if len(kept) == 16 {
				seen = make(map[string]int, 32)
				for j, g := range kept {
					if _, ok := seen[g.Key]; !ok {
						seen[g.Key] = j
					}
				}
			}
			if seen != nil {
				seen[fl.Key] = len(kept)
			}
			p.fstack = append(p.fstack, fl)
		}
		if p.li < 0 {
			return out
		}
		nl := &p.lines[p.li]
		if nl.indent < ind {
			return out
		}
		if nl.indent > ind || p.isItem(nl) {
			p.bail()
		}
		keyOff = nl.start + ind
	}
}

// lookup finds key among the fields kept so far: by a scan while there are
// few, by the map after.
func (p *fastParser) lookup(kept []*Field, seen map[string]int, key string) (int, bool) {
	if seen != nil {
		i, ok := seen[key]
		return i, ok
	}
	for i, g := range kept {
		if g.Key == key {
			return i, true
		}
	}
	return 0, false
}

// mapValue reads the value after the ':' at colon on line l, of a key at
// indentation ind.
func (p *fastParser) mapValue(l *fastLine, colon, ind, depth int) *Node {
	t := p.text
	o := colon + 1
	for o < l.end && t[o] == ' ' {
		o++
	}
	if o == l.end || t[o] == '#' {
		if o < l.end {
			p.comment(l, o)
		}
		next := p.sig(p.li + 1)
		if next >= 0 {
			nl := &p.lines[next]
			if nl.indent > ind || (nl.indent == ind && p.isItem(nl)) {
				p.li = next
				return p.block(depth + 1)
			}
		}
		p.li = next
		// An empty value: go-yaml's implicit null, just after the colon;
		// one further when nothing but comments follows in the document
		// (go-yaml adds a space there), but not past the end of the line.
		// Its range is read from the text there, as yamlConv reads it.
		at := colon + 1
		if next < 0 && at < l.end {
			at++
		}
		out := p.node()
		*out = Node{Kind: Null, Text: "null", Range: p.plainRange(l, at)}
		return out
	}
	switch t[o] {
	case '|', '>':
		return p.blockScalar(l, o, ind)
	}
	return p.scalarValue(l, o, ind)
}

// scalarValue reads a one-line plain or quoted scalar that starts at o on
// line l, the value of a node at indentation ind.
func (p *fastParser) scalarValue(l *fastLine, o, ind int) *Node {
	t := p.text
	var out *Node
	if q := t[o]; q == '"' || q == '\'' {
		e, ok := p.quoteEnd(l, o)
		if !ok {
			p.bail()
		}
		i := e
		for i < l.end && t[i] == ' ' {
			i++
		}
		if i < l.end {
			if t[i] != '#' || i == e {
				p.bail() // text after the closing quote
			}
			p.comment(l, i)
		}
		style := styleDouble
		if q == '\'' {
			style = styleSingle
		}
		out = p.node()
		*out = Node{Kind: String, Value: p.quoted(l, o, e),
			Range:  diag.Range{Start: p.pos(l, o), End: p.pos(l, e)},
			scalar: p.src(style, o)}
	} else {
		if !plainStart(t, o, l.end) {
			p.bail()
		}
		e := o + 1
		for ; e < l.end; e++ {
			c := t[e]
			if c == ' ' && e+1 < l.end && t[e+1] == '#' {
				break
			}
			if c == ':' && (e+1 == l.end || t[e+1] == ' ') {
				p.bail()
			}
			if c == '<' && t[e-1] == '<' {
				p.bail()
			}
		}
		atComment := e < l.end
		if atComment {
			p.comment(l, e+1)
		}
		v := e
		for t[v-1] == ' ' {
			v--
		}
		start := o
		if !atComment && v < l.end && l.end < len(t) {
			// go-yaml places a plain scalar cut by a line break as many
			// characters late as there are blanks after it.
			shift := l.end - v
			for ; shift > 0 && start < l.end; shift-- {
				_, size := utf8.DecodeRune(t[start:])
				start += size
			}
		}
		out = p.plain(l, p.str[o:v], start)
	}
	p.afterValue(p.li, ind)
	return out
}

// plain builds the node of a plain scalar whose text is s and whose
// position go-yaml gives as the offset start on line l.
func (p *fastParser) plain(l *fastLine, s string, start int) *Node {
	out := p.node()
	if !fastType(s, out) {
		*out = Node{Kind: String, Value: s, Text: s, scalar: p.src(stylePlain, start)}
	}
	out.Range = p.plainRange(l, start)
	return out
}

// plainRange is yamlConv.scalarRange for a scalar that go-yaml places at
// offset off of line l (it reads the text there, so a plain scalar placed
// late may be read as a quoted one).
func (p *fastParser) plainRange(l *fastLine, off int) diag.Range {
	src := p.f.Src
	o := p.base + off
	end := scalarEnd(src, o, false)
	s := p.pos(l, off)
	if end <= o {
		return diag.Range{Start: s, End: diag.Pos{Line: s.Line, Col: s.Col + 1}}
	}
	n := end - o
	if !l.ascii || end > p.base+l.end {
		n = utf8.RuneCount(src[o:end])
	}
	return diag.Range{Start: s, End: diag.Pos{Line: s.Line, Col: s.Col + n}}
}

// fastType gives a plain scalar the type go-yaml gives it: for the texts
// that can be null, a boolean, a number, .inf or .nan, go-yaml's own token
// and AST constructors decide, and the node is what yamlConv.node makes of
// them. false: a string (out is left alone).
func fastType(s string, out *Node) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.', '~':
	default:
		switch s {
		case "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE":
		default:
			return false
		}
	}
	tk := token.New(s, s, &token.Position{})
	switch tk.Type {
	case token.NullType, token.ImplicitNullType:
		*out = Node{Kind: Null, Text: tk.Value}
	case token.BoolType:
		v := ast.Bool(tk)
		*out = Node{Kind: Bool, Value: strconv.FormatBool(v.Value), Text: tk.Value}
	case token.IntegerType, token.BinaryIntegerType, token.OctetIntegerType, token.HexIntegerType:
		v := ast.Integer(tk)
		*out = Node{Kind: Number, Value: intText(v.Value), Text: tk.Value}
	case token.FloatType:
		v := ast.Float(tk)
		*out = Node{Kind: Number, Value: strconv.FormatFloat(v.Value, 'g', -1, 64), Text: tk.Value}
	case token.InfinityType, token.NanType:
		*out = Node{Kind: String, Value: tk.Value, Text: tk.Value}
	case token.StringType:
		return false
	default:
		panic(bail{}) // a token type the subset does not know
	}
	return true
}

// quoteEnd returns the offset just after the closing quote of the quoted
// scalar that starts at off; ok is false when it does not close on its
// line or holds an escape the subset does not decode.
func (p *fastParser) quoteEnd(l *fastLine, off int) (int, bool) {
	t := p.text
	q := t[off]
	for i := off + 1; i < l.end; i++ {
		c := t[i]
		if q == '\'' {
			if c == '\'' {
				if i+1 < l.end && t[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, true
			}
			continue
		}
		if c == '\\' {
			if i+1 >= l.end {
				return 0, false
			}
			i++
			switch t[i] {
			case '0', 'a', 'b', 't', 'n', 'v', 'f', 'r', 'e', ' ', '"', '/', '\\', 'N', '_', 'L', 'P':
			case 'x':
				if _, ok := hexAt(t, i+1, l.end, 2); !ok {
					return 0, false
				}
				i += 2
			case 'u':
				r, ok := hexAt(t, i+1, l.end, 4)
				if !ok || (r >= 0xD800 && r <= 0xDFFF) {
					return 0, false
				}
				i += 4
			case 'U':
				r, ok := hexAt(t, i+1, l.end, 8)
				if !ok || r > utf8.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
					return 0, false
				}
				i += 8
			default:
				return 0, false
			}
			continue
		}
		if c == '"' {
			return i + 1, true
		}
	}
	return 0, false
}

func hexAt(t []byte, off, end, n int) (rune, bool) {
	if off+n > end {
		return 0, false
	}
	var r rune
	for _, c := range t[off : off+n] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// quoted decodes the quoted scalar text[off:end] (quotes included), which
// quoteEnd accepted.
func (p *fastParser) quoted(l *fastLine, off, end int) string {
	t := p.text
	in := t[off+1 : end-1]
	q := t[off]
	plain := true
	for _, c := range in {
		if c == '\\' && q == '"' || c == '\'' && q == '\'' {
			plain = false
			break
		}
	}
	if plain {
		return p.str[off+1 : end-1]
	}
	buf := make([]byte, 0, len(in))
	for i := 0; i < len(in); i++ {
		c := in[i]
		if q == '\'' {
			buf = append(buf, c)
			if c == '\'' {
				i++
			}
			continue
		}
		if c != '\\' {
			buf = append(buf, c)
			continue
		}
		i++
		var r rune
		switch in[i] {
		case '0':
			r = 0
		case 'a':
			r = 7
		case 'b':
			r = 8
		case 't':
			r = 9
		case 'n':
			r = 10
		case 'v':
			r = 11
		case 'f':
			r = 12
		case 'r':
			r = 13
		case 'e':
			r = 0x1b
		case ' ':
			r = ' '
		case '"':
			r = '"'
		case '/':
			r = '/'
		case '\\':
			r = '\\'
		case 'N':
			r = 0x85
		case '_':
			r = 0xA0
		case 'L':
			r = 0x2028
		case 'P':
			r = 0x2029
		case 'x':
			r, _ = hexAt(in, i+1, len(in), 2)
			i += 2
		case 'u':
			r, _ = hexAt(in, i+1, len(in), 4)
			i += 4
		case 'U':
			r, _ = hexAt(in, i+1, len(in), 8)
			i += 8
		}
		buf = utf8.AppendRune(buf, r)
	}
	return string(buf)
}

// blockScalar reads a literal or folded scalar whose indicator is at o on
// line l, the value of a node at indentation ind. The value is built the
// way go-yaml's scanner builds it, line by line.
func (p *fastParser) blockScalar(l *fastLine, o, ind int) *Node {
	t := p.text
	style := styleLiteral
	if t[o] == '>' {
		style = styleFolded
	}
	strip := false
	h := o + 1
	if h < l.end && t[h] == '-' {
		strip = true
		h++
	}
	for ; h < l.end; h++ {
		if t[h] != ' ' {
			p.bail() // indentation indicator, "+", a comment
		}
	}
	node := p.node()
	*node = Node{Kind: String, Range: p.oneChar(l, o), scalar: p.src(style, o)}

	// The content: the lines after the header up to the first content
	// line indented less than the first one; it must be indented deeper
	// than ind.
	i := p.li + 1
	first := i
	for first < len(p.lines) && p.lines[first].kind == lineBlank {
		if p.lines[first].start < p.lines[first].end {
			p.bail() // blanks before the first line: go-yaml checks them oddly
		}
		first++
	}
	if first >= len(p.lines) || p.lines[first].indent <= ind {
		p.bail() // empty content
	}
	n := p.lines[first].indent
	buf := make([]byte, 0, 64)
	for k := i; k < first; k++ {
		buf = append(buf, '\n')
	}
	var (
		prevCol    = 0 // indent column of the previous line, 0 after a blank one
		lastNonBlk = 0 // indent column of the last non-blank line
	)
	k := first
	for ; k < len(p.lines); k++ {
		cl := &p.lines[k]
		if cl.kind != lineBlank && cl.indent < n {
			break
		}
		if cl.kind == lineBlank {
			if cl.end-cl.start > n {
				p.bail() // go-yaml keeps the spaces beyond the indentation, mostly
			}
			if cl.end < len(t) {
				buf = append(buf, '\n')
			}
			prevCol = 0
			continue
		}
		colm := cl.indent + 1
		extra := cl.indent - n
		for s := 0; s < extra; s++ {
			buf = append(buf, ' ')
		}
		if style == styleFolded && k != first && extra == 0 {
			// go-yaml folds the break before a line indented as the
			// previous one into a space; after an empty line it drops
			// one of the two breaks.
			switch {
			case colm == prevCol:
				if len(buf) > 0 && buf[len(buf)-1] == '\n' {
					buf[len(buf)-1] = ' '
				}
			case prevCol == 0 && lastNonBlk == colm:
				if len(buf) > 1 && buf[len(buf)-1] == '\n' && buf[len(buf)-2] == '\n' {
					buf = buf[:len(buf)-1]
				}
			}
		}
		if cl.end >= len(t) {
			p.bail() // the text ends inside the block without a line break
		}
		if t[cl.end-1] == ' ' {
			p.bail() // trailing blanks: go-yaml trims some of them
		}
		buf = append(buf, t[cl.start+cl.indent:cl.end]...)
		buf = append(buf, '\n')
		prevCol = colm
		lastNonBlk = colm
	}
	// Chomping: "-" drops every final break, the default keeps one.
	end := len(buf)
	for end > 0 && buf[end-1] == '\n' {
		end--
	}
	if end == 0 {
		p.bail()
	}
	if strip {
		buf = buf[:end]
	} else {
		buf = buf[:end+1]
	}
	node.Value = string(buf)
	// The next line to read.
	p.li = k - 1
	p.afterValue(k-1, ind)
	return node
}
