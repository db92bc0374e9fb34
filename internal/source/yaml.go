package source

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// chunk is one YAML document's lines.
type chunk struct {
	start    int // byte offset in Src
	end      int
	line     int  // 1-based line of start
	explicit bool // started by a "---" marker
}

// splitDocuments cuts the text at document markers ("---" and "..." at the
// start of a line). go-yaml drops every document after an empty one and is
// quadratic in the number of documents per file, so each document is parsed
// on its own. A marker line keeps its length (the marker is blanked out) so
// that columns of anything after it stay right.
func splitDocuments(src []byte) []chunk {
	var out []chunk
	cur := chunk{start: 0, line: 1}
	line := 1
	for off := 0; off < len(src); {
		nl := bytes.IndexByte(src[off:], '\n')
		end := len(src)
		if nl >= 0 {
			end = off + nl
		}
		l := src[off:end]
		if isMarker(l, "---") || isMarker(l, "...") {
			cur.end = off
			out = append(out, cur)
			if l[0] == '-' {
				cur = chunk{start: off, line: line, explicit: true}
			} else {
				// "..." ends a document; what follows up to the next
				// marker is a new, implicit one.
				cur = chunk{start: end, line: line, explicit: false}
				if nl >= 0 {
					cur.start = end + 1
					cur.line = line + 1
				}
			}
		}
		if nl < 0 {
			break
		}
		off = end + 1
		line++
	}
	cur.end = len(src)
	out = append(out, cur)
	return out
}

func isMarker(l []byte, m string) bool {
	return len(l) >= 3 && string(l[:3]) == m && (len(l) == 3 || l[3] == ' ' || l[3] == '\t')
}

// blank reports whether a chunk holds nothing but blank lines, comments and
// directives.
func blank(b []byte) bool {
	for len(b) > 0 {
		var l []byte
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			l, b = b[:i], b[i+1:]
		} else {
			l, b = b, nil
		}
		t := bytes.TrimSpace(l)
		if len(t) == 0 || t[0] == '#' || t[0] == '%' {
			continue
		}
		if isMarker(t, "---") && len(bytes.TrimSpace(t[3:])) == 0 {
			continue
		}
		if isMarker(t, "---") && bytes.TrimSpace(t[3:])[0] == '#' {
			continue
		}
		return false
	}
	return true
}

func (f *File) loadYAML(opts Options) {
	budget := opts.MaxAliasNodes
	f.eachDocument(func(text []byte, line, i int) {
		if le := prescan(text, line); le != nil {
			f.problem(RuleLimit, le.rng, i, le.msg)
			return
		}
		var root *Node
		ok := false
		if !opts.goYAMLOnly {
			root, ok = f.parseChunkFast(text, line, i, opts.strictFast)
		}
		if !ok {
			root = f.parseChunk(text, line, i, &budget)
		}
		if root == nil {
			return
		}
		root.SetPointers("")
		f.emit(&Document{Index: i, Root: root})
	})
}

// eachDocument calls fn for each YAML document of the file that is not
// blank, with its text as a parser must see it, its first line and its
// index among the file's documents.
func (f *File) eachDocument(fn func(text []byte, line, index int)) {
	chunks := splitDocuments(f.Src)
	// Text before the first marker that holds only comments is not a
	// document of its own.
	if len(chunks) > 1 && !chunks[0].explicit && blank(f.Src[chunks[0].start:chunks[0].end]) {
		chunks = chunks[1:]
	}
	i := -1
	for _, c := range chunks {
		text := f.Src[c.start:c.end]
		isBlank := blank(text)
		if c.explicit || !isBlank {
			i++
		}
		if isBlank {
			continue // an empty document is skipped and hides nothing
		}
		if c.explicit {
			// Blank the marker so the parser sees one document whose
			// columns are unchanged.
			text = append([]byte("   "), text[3:]...)
		}
		fn(text, c.line, i)
	}
}

func (f *File) parseChunk(text []byte, firstLine, docIndex int, budget *int) (root *Node) {
	astFile, err := parser.ParseBytes(text, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		f.yamlError(err, firstLine, docIndex)
		return nil
	}
	if astFile == nil || len(astFile.Docs) == 0 || astFile.Docs[0] == nil || astFile.Docs[0].Body == nil {
		return nil
	}
	c := &yamlConv{f: f, lineOff: firstLine - 1, doc: docIndex, anchors: map[string]ast.Node{}, budget: budget}
	n, err := c.node(astFile.Docs[0].Body, 0, false)
	if err != nil {
		var le *limitError
		if errors.As(err, &le) {
			f.problem(RuleLimit, le.rng, docIndex, le.msg)
		} else {
			f.problem(RuleSyntax, diag.Range{Start: diag.Pos{Line: firstLine, Col: 1}, End: diag.Pos{Line: firstLine, Col: 2}}, docIndex, err.Error())
		}
		return nil
	}
	if len(astFile.Docs) > 1 {
		// Should not happen: markers were split above.
		f.problem(RuleSyntax, c.rng(astFile.Docs[1].GetToken()), docIndex, "unexpected document marker")
	}
	return n
}

func (f *File) yamlError(err error, firstLine, docIndex int) {
	msg := err.Error()
	r := diag.Range{Start: diag.Pos{Line: firstLine, Col: 1}, End: diag.Pos{Line: firstLine, Col: 2}}
	var ye yaml.Error
	if errors.As(err, &ye) {
		msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil && tk.Position.Line > 0 {
			p := diag.Pos{Line: tk.Position.Line + firstLine - 1, Col: max(tk.Position.Column, 1)}
			r = diag.Range{Start: p, End: diag.Pos{Line: p.Line, Col: p.Col + 1}}
		}
	}
	msg = strings.TrimSpace(msg)
	if col := indentTab(f.Line(r.Start.Line)); col > 0 {
		// go-yaml says "found character ' ' that cannot start any
		// token", which names neither the tab nor the rule.
		p := diag.Pos{Line: r.Start.Line, Col: col}
		f.problem(RuleSyntax, diag.Range{Start: p, End: diag.Pos{Line: p.Line, Col: col + 1}}, docIndex,
			"tab character: YAML indentation uses spaces")
		return
	}
	f.problem(RuleSyntax, r, docIndex, "invalid YAML: "+msg)
}

// indentTab returns the 1-based column of the first tab in a line's
// indentation (the blanks before its first other character), or 0.
func indentTab(line string) int {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\t':
			return i + 1
		case ' ':
		default:
			return 0
		}
	}
	return 0
}

type limitError struct {
	rng diag.Range
	msg string
}

func (e *limitError) Error() string { return e.msg }

type yamlConv struct {
	f       *File
	lineOff int
	doc     int
	anchors map[string]ast.Node
	budget  *int
	inAlias int
	// flow is how many flow collections ([...], {...}) enclose the node
	// being converted: there ',', ']' and '}' end a plain scalar.
	flow int
}

func (c *yamlConv) pos(tk *token.Token) diag.Pos {
	if tk == nil || tk.Position == nil {
		return diag.Pos{Line: c.lineOff + 1, Col: 1}
	}
	return c.f.clamp(diag.Pos{Line: tk.Position.Line + c.lineOff, Col: max(tk.Position.Column, 1)})
}

func (c *yamlConv) rng(tk *token.Token) diag.Range {
	p := c.pos(tk)
	return diag.Range{Start: p, End: diag.Pos{Line: p.Line, Col: p.Col + 1}}
}

// scalarRange is the range of a scalar on its first line: the quoted text
// with its quotes, or the plain text, or the block indicator.
func (c *yamlConv) scalarRange(tk *token.Token) diag.Range {
	start := c.pos(tk)
	off := c.f.OffsetOf(start)
	src := c.f.Src
	end := scalarEnd(src, off, c.flow > 0)
	if end <= off {
		return diag.Range{Start: start, End: diag.Pos{Line: start.Line, Col: start.Col + 1}}
	}
	e := start
	e.Col += utf8.RuneCount(src[off:end])
	return diag.Range{Start: start, End: e}
}

// scalarEnd is where the scalar written at src[off] ends on its line: after
// the closing quote of a quoted one, after the indicator of a block one,
// else (plain) before " #", ": " or the end of the line, and, inside a flow
// collection, before ',', ']' or '}', trailing blanks trimmed. The go-yaml
// path and the fast path (fastyaml.go) both place scalars with it.
func scalarEnd(src []byte, off int, inFlow bool) int {
	end := off
	if off >= len(src) {
		return end
	}
	switch q := src[off]; q {
	case '"', '\'':
		end = off + 1
		for end < len(src) && src[end] != '\n' {
			if src[end] == '\\' && q == '"' {
				if end+1 < len(src) && src[end+1] == '\n' {
					// An escaped line break: the scalar goes on on
					// the next line, and its first line ends after
					// the backslash (skipping the break would carry
					// the end onto the next line, counted as columns
					// of this one).
					end++
					break
				}
				end += 2
				continue
			}
			if src[end] == q {
				if q == '\'' && end+1 < len(src) && src[end+1] == '\'' {
					end += 2
					continue
				}
				end++
				break
			}
			end++
		}
	case '|', '>':
		end = off + 1
	default:
		for end < len(src) && src[end] != '\n' {
			if src[end] == '#' && end > off && (src[end-1] == ' ' || src[end-1] == '\t') {
				break
			}
			if src[end] == ':' && (end+1 >= len(src) || src[end+1] == ' ' || src[end+1] == '\n' || src[end+1] == '\t') {
				break
			}
			if inFlow && (src[end] == ',' || src[end] == ']' || src[end] == '}') {
				break
			}
			end++
		}
		for end > off && (src[end-1] == ' ' || src[end-1] == '\t') {
			end--
		}
	}
	return min(end, len(src))
}

func (c *yamlConv) spend(tk *token.Token) error {
	if c.inAlias == 0 {
		return nil
	}
	*c.budget--
	if *c.budget < 0 {
		return &limitError{rng: c.rng(tk), msg: "alias expansion exceeds the limit (a \"billion laughs\" file?); the document is not checked"}
	}
	return nil
}

func (c *yamlConv) node(n ast.Node, depth int, _ bool) (*Node, error) {
	if depth > MaxDepth {
		return nil, &limitError{rng: c.rng(n.GetToken()), msg: fmt.Sprintf("document nests deeper than %d levels; it is not checked", MaxDepth)}
	}
	if err := c.spend(n.GetToken()); err != nil {
		return nil, err
	}
	switch v := n.(type) {
	case *ast.DocumentNode:
		if v.Body == nil {
			return &Node{Kind: Null, Range: c.rng(v.GetToken())}, nil
		}
		return c.node(v.Body, depth, false)
	case *ast.NullNode:
		return &Node{Kind: Null, Text: plainText(v.GetToken()), Range: c.scalarRange(v.GetToken())}, nil
	case *ast.BoolNode:
		return &Node{Kind: Bool, Value: strconv.FormatBool(v.Value), Text: plainText(v.GetToken()), Range: c.scalarRange(v.GetToken())}, nil
	case *ast.IntegerNode:
		return &Node{Kind: Number, Value: intText(v.Value), Text: plainText(v.GetToken()), Range: c.scalarRange(v.GetToken())}, nil
	case *ast.FloatNode:
		return &Node{Kind: Number, Value: strconv.FormatFloat(v.Value, 'g', -1, 64), Text: plainText(v.GetToken()), Range: c.scalarRange(v.GetToken())}, nil
	case *ast.InfinityNode, *ast.NanNode:
		// Not a JSON number: kept as the text the user wrote.
		tk := n.GetToken()
		return &Node{Kind: String, Value: tk.Value, Text: tk.Value, Range: c.scalarRange(tk)}, nil
	case *ast.StringNode:
		tk := v.GetToken()
		out := &Node{Kind: String, Value: v.Value, Range: c.scalarRange(tk)}
		style := stylePlain
		switch tk.Type {
		case token.SingleQuoteType:
			style = styleSingle
		case token.DoubleQuoteType:
			style = styleDouble
		default:
			out.Text = v.Value
		}
		if c.inAlias == 0 {
			out.scalar = &scalarSrc{style: style, off: c.f.OffsetOf(c.pos(tk)), file: c.f}
		}
		return out, nil
	case *ast.LiteralNode:
		tk := v.GetToken()
		val := ""
		if v.Value != nil {
			val = v.Value.Value
		}
		out := &Node{Kind: String, Value: val, Range: c.scalarRange(tk)}
		if c.inAlias == 0 {
			style := styleLiteral
			if strings.HasPrefix(tk.Value, ">") {
				style = styleFolded
			}
			out.scalar = &scalarSrc{style: style, off: c.f.OffsetOf(c.pos(tk)), file: c.f}
		}
		return out, nil
	case *ast.TagNode:
		return c.tagged(v, depth)
	case *ast.AnchorNode:
		if name := anchorName(v.Name); name != "" {
			c.anchors[name] = v.Value
		}
		if v.Value == nil {
			return &Node{Kind: Null, Range: c.rng(v.GetToken())}, nil
		}
		return c.node(v.Value, depth, false)
	case *ast.AliasNode:
		name := anchorName(v.Value)
		target, ok := c.anchors[name]
		if !ok || target == nil {
			return nil, errors.New(diag.Sprintf("line %d: unknown alias %q", c.pos(v.GetToken()).Line, name))
		}
		c.inAlias++
		out, err := c.node(target, depth+1, false)
		c.inAlias--
		if err != nil {
			return nil, err
		}
		// The value lives where the alias is written.
		out.Walk(func(x *Node) bool { x.Range = c.scalarRange(v.GetToken()); x.scalar = nil; return true })
		for _, fl := range allFields(out) {
			fl.KeyRange = out.Range
		}
		return out, nil
	case *ast.MappingNode:
		if v.IsFlowStyle {
			c.flow++
			defer func() { c.flow-- }()
		}
		return c.mapping(v.Values, v.GetToken(), depth)
	case *ast.MappingValueNode:
		return c.mapping([]*ast.MappingValueNode{v}, v.GetToken(), depth)
	case *ast.SequenceNode:
		if v.IsFlowStyle {
			c.flow++
			defer func() { c.flow-- }()
		}
		out := &Node{Kind: Array, Range: c.rng(v.GetToken())}
		for _, it := range v.Values {
			if it == nil {
				out.Items = append(out.Items, &Node{Kind: Null, Range: out.Range})
				continue
			}
			child, err := c.node(it, depth+1, false)
			if err != nil {
				return nil, err
			}
			out.Items = append(out.Items, child)
		}
		return out, nil
	case *ast.CommentNode, *ast.CommentGroupNode:
		return &Node{Kind: Null, Range: c.rng(v.GetToken())}, nil
	}
	return nil, &limitError{rng: c.rng(n.GetToken()), msg: fmt.Sprintf("unsupported YAML construct (%s)", n.Type())}
}

// intText is fmt.Sprint of an integer node's value without fmt's cost on
// the common types.
func intText(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case int:
		return strconv.Itoa(x)
	}
	return fmt.Sprint(v)
}

func allFields(n *Node) []*Field {
	var out []*Field
	n.Walk(func(x *Node) bool { out = append(out, x.Fields...); return true })
	return out
}

func anchorName(n ast.Node) string {
	if n == nil {
		return ""
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

func plainText(tk *token.Token) string {
	if tk == nil {
		return ""
	}
	switch tk.Type {
	case token.SingleQuoteType, token.DoubleQuoteType:
		return ""
	}
	return tk.Value
}

func (c *yamlConv) tagged(v *ast.TagNode, depth int) (*Node, error) {
	if v.Value == nil {
		return &Node{Kind: Null, Range: c.rng(v.GetToken())}, nil
	}
	inner, err := c.node(v.Value, depth, false)
	if err != nil {
		return nil, err
	}
	inner.Range.Start = c.pos(v.GetToken())
	if tag := v.Start.Value; !strings.HasPrefix(tag, "!!") {
		inner.SetTag(tag)
	}
	switch v.Start.Value {
	case "!!str", "!!binary":
		if inner.Kind == Bool || inner.Kind == Number || inner.Kind == Null {
			inner.Value = inner.Text
			inner.Kind = String
		}
	}
	return inner, nil
}

func (c *yamlConv) mapping(values []*ast.MappingValueNode, tk *token.Token, depth int) (*Node, error) {
	out := &Node{Kind: Object, Range: c.rng(tk)}
	seen := map[string]int{}
	first := true
	add := func(fl *Field, dupCheck bool) {
		if i, dup := seen[fl.Key]; dup {
			if dupCheck && c.inAlias == 0 {
				c.f.problem(RuleDuplicateKey, fl.KeyRange, c.doc, diag.Sprintf("duplicate key %q (the first one is kept)", fl.Key),
					diag.Related{File: c.f.Path, Range: out.Fields[i].KeyRange, Message: "first defined here"})
			}
			return
		}
		seen[fl.Key] = len(out.Fields)
		out.Fields = append(out.Fields, fl)
	}
	var merges []*Node
	for _, mv := range values {
		if mv == nil {
			continue
		}
		if first && mv.Key != nil {
			out.Range = c.scalarRange(mv.Key.GetToken())
			first = false
		}
		val, err := c.value(mv, depth)
		if err != nil {
			return nil, err
		}
		if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
			merges = append(merges, val)
			continue
		}
		key, keyTok, err := c.key(mv.Key)
		if err != nil {
			return nil, err
		}
		add(&Field{Key: key, RawKey: key, KeyRange: c.scalarRange(keyTok), Value: val}, true)
	}
	// Merge keys ("<<"): explicit keys win, then the merged maps in order.
	for _, m := range merges {
		var maps []*Node
		if m.Kind == Object {
			maps = []*Node{m}
		} else if m.Kind == Array {
			maps = m.Items
		}
		for _, mm := range maps {
			if mm.Kind != Object {
				return nil, fmt.Errorf("line %d: a merge key (<<) takes a mapping or a list of mappings", mm.Range.Start.Line)
			}
			for _, fl := range mm.Fields {
				add(fl, false)
			}
		}
	}
	return out, nil
}

// afterColon is where an empty value is reported: just after the ':' of
// its key, but never past the end of the line (a key at the end of a line,
// "a:", has its empty value at the end of that line).
func (c *yamlConv) afterColon(tk *token.Token) diag.Pos {
	p := c.pos(tk)
	p.Col++
	return c.f.clamp(p)
}

func (c *yamlConv) value(mv *ast.MappingValueNode, depth int) (*Node, error) {
	if mv.Value == nil {
		p := c.afterColon(mv.GetToken())
		return &Node{Kind: Null, Range: diag.Range{Start: p, End: diag.Pos{Line: p.Line, Col: p.Col + 1}}}, nil
	}
	if _, isNull := mv.Value.(*ast.NullNode); isNull && mv.Value.GetToken() != nil && mv.Value.GetToken().Position != nil &&
		mv.Value.GetToken().Position.Line != mv.GetToken().Position.Line && mv.Value.GetToken().Value == "" {
		p := c.afterColon(mv.GetToken())
		return &Node{Kind: Null, Range: diag.Range{Start: p, End: diag.Pos{Line: p.Line, Col: p.Col + 1}}}, nil
	}
	return c.node(mv.Value, depth+1, false)
}

func (c *yamlConv) key(k ast.MapKeyNode) (string, *token.Token, error) {
	var kn ast.Node = k
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		kn = mk.Value
	}
	if tn, ok := kn.(*ast.TagNode); ok && tn.Value != nil {
		kn = tn.Value
	}
	if an, ok := kn.(*ast.AnchorNode); ok && an.Value != nil {
		kn = an.Value
	}
	switch v := kn.(type) {
	case *ast.StringNode:
		return v.Value, v.GetToken(), nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode:
		return v.GetToken().Value, v.GetToken(), nil
	}
	if kn == nil {
		return "", nil, fmt.Errorf("empty mapping key")
	}
	return "", nil, &limitError{rng: c.rng(kn.GetToken()), msg: "a mapping key must be a plain string, not a " + strings.ToLower(kn.Type().String())}
}
