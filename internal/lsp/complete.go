package lsp

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// compCtx is what the cursor is editing: a key of an object, or the value
// of a key, and how a proposal must be written there.
type compCtx struct {
	op      string // "" = not known yet (only Action is offered)
	pointer string // key mode: the object; value mode: the key's value
	value   bool
	present map[string]bool // key mode: keys the object already has
	replace diag.Range      // text a proposal replaces

	spelling     func(op, pointer, name string) (string, bool) // the format's names (nil: as named)
	quote        byte                                          // wrap the proposal in this quote
	addColon     bool                                          // key mode: no colon follows the key yet
	leadingSpace bool                                          // value mode: the cursor is right after the colon
}

func (s *Server) completion(p completionParams) CompletionList {
	empty := CompletionList{Items: []CompletionItem{}}
	d, a := s.docAt(p.TextDocument.URI)
	if d == nil {
		return empty
	}
	pos := d.text.fromLSP(p.Position)
	if ext := strings.ToLower(filepath.Ext(d.path)); ext == ".tf" || ext == ".tofu" {
		return CompletionList{Items: tfCompletion(d.text, pos)}
	}
	isJSON := strings.EqualFold(filepath.Ext(d.path), ".json")
	ctx, ok := treeContext(d.text, a, pos, isJSON)
	if ok {
		ctx.spelling = a.spelling
	}
	if !ok && !isJSON {
		ctx, ok = yamlContext(d.text, pos)
	}
	if !ok {
		return empty
	}
	if p.Context != nil && p.Context.TriggerKind == 2 && p.Context.TriggerCharacter == " " && !ctx.value {
		return empty // a space typed while indenting asks for nothing
	}
	return CompletionList{Items: ctx.items(d.text, isJSON)}
}

// treeContext places the cursor in the parsed tree: on a key, on a scalar
// value, or between the members of a JSON object (also one held in a
// JSON-string parameter of a YAML file).
func treeContext(t *text, a *analysis, pos diag.Pos, isJSON bool) (compCtx, bool) {
	for _, ad := range a.docs {
		if ad.op == "" {
			continue
		}
		h := findAt(ad.root, pos)
		if h.field != nil {
			if h.onKey {
				q := charAt(t, h.field.KeyRange.Start)
				if q == '\\' {
					return compCtx{}, false // inside an escaped JSON string: not worth the risk
				}
				present := keysOf(h.parent)
				delete(present, h.field.Key)
				ctx := compCtx{op: ad.op, pointer: h.parent.Pointer, present: present, replace: h.field.KeyRange}
				if q == '"' || q == '\'' {
					ctx.quote = q
				}
				return ctx, true
			}
			vr := h.field.Value.Range
			ctx := compCtx{op: ad.op, pointer: h.field.Value.Pointer, value: true, replace: vr}
			if vr.Start.Line != vr.End.Line {
				return compCtx{}, false // a multi-line scalar
			}
			switch q := charAt(t, vr.Start); {
			case q == '"' || q == '\'':
				ctx.quote = q
			case q == '\\':
				return compCtx{}, false
			case strings.TrimSpace(rangeText(t, vr)) == "":
				// "Key:" with nothing yet: insert at the cursor.
				ctx.replace = diag.Range{Start: pos, End: pos}
				ctx.leadingSpace = pos.Col > 1 && charAt(t, diag.Pos{Line: pos.Line, Col: pos.Col - 1}) == ':'
			}
			return ctx, true
		}
		if obj := innermostBraced(t, ad.root, pos); obj != nil {
			return compCtx{op: ad.op, pointer: obj.Pointer, present: keysOf(obj),
				replace: diag.Range{Start: pos, End: pos}, quote: '"', addColon: true}, true
		}
	}
	return compCtx{}, false
}

// innermostBraced returns the deepest object written with braces whose
// inside holds pos. (Block-style YAML objects have no braces, and their
// ranges do not span their content.)
func innermostBraced(t *text, n *source.Node, pos diag.Pos) *source.Node {
	var found *source.Node
	var walk func(n *source.Node)
	walk = func(n *source.Node) {
		if n.Kind == source.Object && charAt(t, n.Range.Start) == '{' &&
			n.Range.Start.Less(pos) && pos.Less(n.Range.End) {
			found = n
		}
		for _, f := range n.Fields {
			walk(f.Value)
		}
		for _, it := range n.Items {
			walk(it)
		}
	}
	walk(n)
	return found
}

func keysOf(obj *source.Node) map[string]bool {
	out := map[string]bool{}
	for _, f := range obj.Fields {
		out[f.Key] = true
	}
	return out
}

// charAt returns the byte at a linter position if it is ASCII, else 0.
func charAt(t *text, p diag.Pos) byte {
	line := []rune(t.line(p.Line - 1))
	if p.Line == 1 && len(line) > 0 && line[0] == bom {
		line = line[1:]
	}
	if p.Col < 1 || p.Col > len(line) || line[p.Col-1] >= utf8.RuneSelf {
		return 0
	}
	return byte(line[p.Col-1])
}

// rangeText returns the text of a one-line range.
func rangeText(t *text, r diag.Range) string {
	line := []rune(t.line(r.Start.Line - 1))
	if r.Start.Line == 1 && len(line) > 0 && line[0] == bom {
		line = line[1:]
	}
	from, to := max(r.Start.Col-1, 0), min(r.End.Col-1, len(line))
	if from >= to {
		return ""
	}
	return string(line[from:to])
}

// yamlContext reads the cursor's context from indentation (see yamlctx.go).
func yamlContext(t *text, pos diag.Pos) (compCtx, bool) {
	l := pos.Line - 1
	runes := []rune(t.line(l))
	c := min(max(pos.Col-1, 0), len(runes))
	before := string(runes[:c])
	if strings.Contains(before, "#") || strings.ContainsRune(before, '\t') {
		return compCtx{}, false
	}
	y := newYAMLScan(t, l)
	cur := parseLine(before)
	if cur.docSep {
		return compCtx{}, false
	}
	keys, action := y.topLevel()
	ctx := compCtx{op: guessOp(keys, action)}
	if cur.blank {
		// Only indentation before the cursor: a key starts here.
		cur.keyCol = c
	}
	if cur.dash && strings.HasSuffix(before, "-") {
		return compCtx{}, false // "-" needs its space before a key can follow
	}
	var path []string
	var ok bool
	if cur.dash {
		path, ok = y.seqPath(l, cur.dashCol)
		path = append(path, "0")
	} else {
		path, ok = y.objectPath(l, cur.keyCol)
	}
	if !ok {
		return compCtx{}, false
	}
	ctx.pointer = pointerOf(path)

	if cur.colon {
		// Editing the value of "key:".
		prefix := strings.TrimLeft(afterColon(before), " ")
		if prefix != "" && strings.ContainsRune("{[|>&*!", rune(prefix[0])) {
			return compCtx{}, false
		}
		ctx.value = true
		ctx.pointer += "/" + source.EscapePointer(cur.key)
		if prefix != "" && (prefix[0] == '"' || prefix[0] == '\'') {
			ctx.quote = prefix[0]
		}
		start := c - utf8.RuneCountInString(prefix)
		end := c + valueTail(runes[c:])
		ctx.replace = diag.Range{Start: diag.Pos{Line: pos.Line, Col: start + 1}, End: diag.Pos{Line: pos.Line, Col: end + 1}}
		ctx.leadingSpace = strings.HasSuffix(before, ":")
		return ctx, true
	}

	// Editing a key: what follows the indentation (and dash) must be the
	// start of one.
	partial := string([]rune(before)[min(cur.keyCol, c):])
	if partial != "" && (partial[0] == '"' || partial[0] == '\'') {
		ctx.quote = partial[0]
		partial = partial[1:]
	}
	for _, r := range partial {
		if !isKeyRune(r) {
			return compCtx{}, false
		}
	}
	end := c
	for end < len(runes) && isKeyRune(runes[end]) {
		end++
	}
	if ctx.quote != 0 && end < len(runes) && byte(runes[end]) == ctx.quote {
		end++
	}
	after := strings.TrimLeft(string(runes[end:]), " ")
	ctx.addColon = !strings.HasPrefix(after, ":")
	ctx.present = y.siblings(l, cur.keyCol)
	ctx.replace = diag.Range{Start: diag.Pos{Line: pos.Line, Col: cur.keyCol + 1}, End: diag.Pos{Line: pos.Line, Col: end + 1}}
	return ctx, true
}

func isKeyRune(r rune) bool {
	return r == '_' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// afterColon returns the text after the key's colon.
func afterColon(line string) string {
	_, _, rest, _ := splitKey(strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(line, " "), "-"), " "))
	return rest
}

// valueTail counts the runes after the cursor that still belong to the
// value being edited (up to a comment or the end of the line).
func valueTail(rest []rune) int {
	n := 0
	for n < len(rest) {
		if rest[n] == '#' && n > 0 && rest[n-1] == ' ' {
			break
		}
		n++
	}
	for n > 0 && rest[n-1] == ' ' {
		n--
	}
	return n
}

func pointerOf(path []string) string {
	var b strings.Builder
	for _, tok := range path {
		b.WriteString("/" + source.EscapePointer(tok))
	}
	return b.String()
}

// items lists the proposals of a context.
func (ctx compCtx) items(t *text, isJSON bool) []CompletionItem {
	out := []CompletionItem{}
	r := t.toLSPRange(ctx.replace)
	if ctx.op == "" {
		// Nothing tells the operation yet: Action decides it.
		switch {
		case !ctx.value && ctx.pointer == "" && !ctx.present["Action"]:
			out = append(out, ctx.keyItem("Action", "string", "Operation this definition is for: CreateApi or CreateService.", "0", false, r, isJSON))
		case ctx.value && ctx.pointer == "/Action":
			for _, op := range schema.Ops {
				out = append(out, ctx.valueItem(op, "", r, isJSON))
			}
		}
		return out
	}
	sch := schema.MustGet(ctx.op)
	if ctx.value {
		res := sch.Resolved(ctx.pointer)
		if res == nil {
			return out
		}
		for _, v := range allowedValues(res) {
			out = append(out, ctx.valueItem(v, schema.Readable(ctx.pointer), r, isJSON))
		}
		return out
	}
	obj := sch.Resolved(ctx.pointer)
	if obj == nil {
		return out
	}
	present := map[string]bool{}
	for k := range ctx.present {
		present[foldFirst(k)] = true
	}
	required := map[string]bool{}
	if req, ok := obj["required"].([]any); ok {
		for _, x := range req {
			if s, ok := x.(string); ok {
				required[s] = true
			}
		}
	}
	for _, prop := range schema.Properties(obj) {
		if present[foldFirst(prop)] {
			continue
		}
		ptr := ctx.pointer + "/" + source.EscapePointer(prop)
		res := sch.Resolved(ptr)
		typ := typeWords(res)
		if typ == "" && res["anyOf"] != nil {
			typ = "any"
		}
		sortKey := "1"
		if required[prop] {
			sortKey = "0"
			typ += ", required"
		}
		structured := res["properties"] != nil || res["items"] != nil || typeWords(res) == "object" || typeWords(res) == "array"
		label := prop
		if ctx.spelling != nil {
			spelled, ok := ctx.spelling(ctx.op, ctx.pointer, prop)
			if !ok {
				continue
			}
			label = spelled
		}
		out = append(out, ctx.keyItem(label, typ, fieldMarkdown(ctx.op, ptr), sortKey, structured, r, isJSON))
	}
	return out
}

// foldFirst lower-cases the first letter: keys differing only there are
// the same key (the schema check canonicalises them).
func foldFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

func (ctx compCtx) keyItem(name, detail, doc, sortKey string, structured bool, r Range, isJSON bool) CompletionItem {
	text := name
	switch {
	case ctx.quote != 0:
		text = string(ctx.quote) + name + string(ctx.quote)
		if ctx.addColon {
			text += ": "
		}
	case ctx.addColon && structured:
		text += ":" // the value goes on the next lines
	case ctx.addColon:
		text += ": "
	}
	it := CompletionItem{Label: name, Kind: kindProperty, Detail: detail, SortText: sortKey + name, FilterText: name,
		TextEdit: &textEdit{Range: r, NewText: text}}
	if ctx.quote != 0 {
		it.FilterText = string(ctx.quote) + name
	}
	if doc != "" {
		it.Documentation = &MarkupContent{Kind: "markdown", Value: doc}
	}
	return it
}

func (ctx compCtx) valueItem(v, detail string, r Range, isJSON bool) CompletionItem {
	text := v
	q := ctx.quote
	if q == 0 && (isJSON || needsQuotes(v)) {
		q = '"'
	}
	if q != 0 {
		text = string(q) + v + string(q)
	}
	filter := v
	if ctx.quote != 0 {
		filter = string(ctx.quote) + v
	}
	if ctx.leadingSpace {
		text = " " + text
	}
	return CompletionItem{Label: v, Kind: kindEnumMember, Detail: detail, FilterText: filter,
		TextEdit: &textEdit{Range: r, NewText: text}}
}

// needsQuotes reports whether a string cannot be written as a plain YAML
// scalar. Numbers and booleans need no quotes: the schema check takes a
// plain scalar's text where the schema wants a string.
func needsQuotes(v string) bool {
	if v == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(v[0])) {
		return true
	}
	return strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") ||
		strings.HasSuffix(v, " ") || strings.HasPrefix(v, " ")
}
