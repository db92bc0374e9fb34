package lsp

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/frontend/registry"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// analysis is a document parsed for hover and completion: the loader's
// tree, normalised by the schema check (JSON-string parameters expanded
// with positions in the file, keys in their documented spelling), and the
// operation of each definition.
type analysis struct {
	docs []analyzedDoc
	// spelling is the file format's way of writing parameter names (see
	// frontend.Frontend.Spelling); nil = as named.
	spelling func(op, pointer, name string) (string, bool)
}

type analyzedDoc struct {
	root *source.Node
	op   string // "" when neither operation is recognised
}

func analyze(path string, t *text) *analysis {
	fe := registry.For(path, []byte(t.src))
	a := &analysis{spelling: fe.Spelling}
	fe.Load(path, []byte(t.src), func(def *frontend.Definition) {
		op := def.Op
		if op == "" {
			op = detectOp(def.Root)
		}
		if op != "" {
			schema.Check(def.Root, op, path, def.Doc) // for its normalisation of the tree
		}
		a.docs = append(a.docs, analyzedDoc{root: def.Root, op: op})
	})
	return a
}

// detectOp is schema.Detect, more forgiving for a definition being
// written: one documented key is enough to guess.
func detectOp(root *source.Node) string {
	if op, d := schema.Detect(root, "", 0); d == nil {
		return op
	}
	if root == nil || root.Kind != source.Object {
		return ""
	}
	keys := make([]string, 0, len(root.Fields))
	for _, f := range root.Fields {
		keys = append(keys, f.Key)
	}
	return guessOp(keys, root.Str("Action"))
}

// guessOp picks the operation from an Action value or from top-level keys;
// "" when they do not tell.
func guessOp(keys []string, action string) string {
	for _, op := range schema.Ops {
		if strings.EqualFold(action, op) {
			return op
		}
	}
	best, bestHits, tie := "", 0, false
	for _, op := range schema.Ops {
		hits := 0
		for _, k := range keys {
			if schema.MustGet(op).TopLevel[k] {
				hits++
			}
		}
		switch {
		case hits > bestHits:
			best, bestHits, tie = op, hits, false
		case hits == bestHits && hits > 0:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// docAt returns the current version of an open document with its
// analysis, or nil (also for a document over the file size limit).
func (s *Server) docAt(uri string) (*document, *analysis) {
	s.mu.Lock()
	d := s.docs[uri]
	var a *analysis
	if d != nil {
		a = d.analysis
	}
	s.mu.Unlock()
	if d == nil || len(d.text.src) > lint.DefaultMaxFileSize {
		// Over the size limit, diagnostics say the file is not checked
		// (a limit diagnostic); hover and completion do not parse it
		// either.
		return nil, nil
	}
	if a == nil {
		a = analyze(d.path, d.text)
		s.mu.Lock()
		if s.docs[uri] == d {
			d.analysis = a
		}
		s.mu.Unlock()
	}
	return d, a
}

// hit is the field under a position.
type hit struct {
	field  *source.Field
	parent *source.Node // the object holding field
	onKey  bool
}

// within is r.Start <= p <= r.End: a cursor just after a key or a value
// still belongs to it.
func within(r diag.Range, p diag.Pos) bool {
	return r != (diag.Range{}) && !p.Less(r.Start) && !r.End.Less(p)
}

func findAt(n *source.Node, p diag.Pos) hit {
	if n == nil {
		return hit{}
	}
	for _, f := range n.Fields {
		if within(f.KeyRange, p) {
			return hit{field: f, parent: n, onKey: true}
		}
		if f.Value.Kind != source.Object && f.Value.Kind != source.Array && within(f.Value.Range, p) {
			return hit{field: f, parent: n}
		}
		if h := findAt(f.Value, p); h.field != nil {
			return h
		}
	}
	for _, it := range n.Items {
		if h := findAt(it, p); h.field != nil {
			return h
		}
	}
	return hit{}
}

func (s *Server) hover(uri string, pos Position) *Hover {
	d, a := s.docAt(uri)
	if d == nil {
		return nil
	}
	p := d.text.fromLSP(pos)
	for _, ad := range a.docs {
		if ad.op == "" {
			continue
		}
		h := findAt(ad.root, p)
		if h.field == nil {
			continue
		}
		md := fieldMarkdown(ad.op, h.field.Value.Pointer)
		if md == "" {
			return nil // an unknown key: the diagnostic says so
		}
		r := h.field.KeyRange
		if !h.onKey {
			r = h.field.Value.Range
		}
		lr := d.text.toLSPRange(r)
		return &Hover{Contents: MarkupContent{Kind: "markdown", Value: md}, Range: &lr}
	}
	return nil
}

// fieldMarkdown documents the parameter at a definition pointer: where it
// is, its type, whether it is required, the schema's description, its
// constraint and its allowed values. "" when the schema does not know it.
func fieldMarkdown(op, pointer string) string {
	sch := schema.MustGet(op)
	own := sch.SchemaAt(pointer)
	if own == nil {
		return ""
	}
	res := sch.Resolved(pointer)
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", schema.Readable(pointer))
	if t := typeWords(res); t != "" {
		fmt.Fprintf(&b, " · %s", t)
	}
	if isRequired(sch, pointer) {
		b.WriteString(" · required")
	}
	fmt.Fprintf(&b, " · %s", op)
	if desc := firstString(own, res, "description"); desc != "" {
		b.WriteString("\n\n" + desc)
	}
	if hint := firstString(own, res, "x-apigwlint-hint"); hint != "" {
		b.WriteString("\n\nValue: " + hint + ".")
	}
	if vals := allowedValues(res); len(vals) > 0 {
		quoted := make([]string, len(vals))
		for i, v := range vals {
			quoted[i] = "`" + v + "`"
		}
		b.WriteString("\n\nAllowed values: " + strings.Join(quoted, ", "))
	}
	return b.String()
}

func firstString(a, b map[string]any, key string) string {
	if s, ok := a[key].(string); ok && s != "" {
		return s
	}
	s, _ := b[key].(string)
	return s
}

// typeWords names a schema's JSON type for people.
func typeWords(n map[string]any) string {
	switch t := n["type"].(type) {
	case string:
		return t
	case []any:
		parts := make([]string, 0, len(t))
		for _, x := range t {
			if s, ok := x.(string); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " or ")
	}
	switch {
	case n["properties"] != nil:
		return "object"
	case n["items"] != nil:
		return "array"
	}
	return ""
}

// isRequired reports whether the parent object's schema requires the key.
func isRequired(sch *schema.Schema, pointer string) bool {
	i := strings.LastIndexByte(pointer, '/')
	if i < 0 {
		return false
	}
	key := source.UnescapePointer(pointer[i+1:])
	if _, err := strconv.Atoi(key); err == nil {
		return false // an array item
	}
	parent := sch.Resolved(pointer[:i])
	req, _ := parent["required"].([]any)
	for _, r := range req {
		if r == key {
			return true
		}
	}
	return false
}

// allowedValues lists a value schema's enum (or const, or the booleans).
func allowedValues(n map[string]any) []string {
	var out []string
	if e, ok := n["enum"].([]any); ok {
		for _, v := range e {
			out = append(out, valueText(v))
		}
		return out
	}
	if c, ok := n["const"]; ok {
		return []string{valueText(c)}
	}
	if typeWords(n) == "boolean" {
		return []string{"true", "false"}
	}
	return nil
}

func valueText(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}
