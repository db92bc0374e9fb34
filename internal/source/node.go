// Package source reads definition files into one document model: a tree of
// nodes in which every node knows its range in the file and its JSON Pointer.
// YAML (several documents per file) and JSON (one object or an array of them)
// both land in the same tree, and so do JSON documents held inside string
// values (see Expand), with positions mapped back into the file. No other
// package parses YAML or JSON definition files.
package source

import (
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Kind is the JSON type of a node.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

func (k Kind) String() string { return kindNames[k] }

// Node is one value of a definition.
type Node struct {
	Kind Kind
	// Value is the decoded string of a String, "true"/"false" for a Bool and
	// the canonical JSON text of a Number.
	Value string
	// Text is the source text of a plain (unquoted) YAML scalar of any kind,
	// e.g. "TRUE" or "0800"; empty otherwise. A schema that wants a string
	// takes it instead of the typed value, as the gateway would receive it.
	Text  string
	Range diag.Range
	// KeyRange is the range of the key that holds this value (the zero
	// Range for a document root or an array item).
	KeyRange diag.Range
	Pointer  string
	Fields   []*Field // Object, in source order
	Items    []*Node  // Array
	// Embedded is set on nodes parsed from a JSON string value.
	Embedded bool
	// JSONString is set on a node that replaced a string value holding
	// JSON; StringRange is the range of that string in the file.
	JSONString bool
	// Implicit is set on a value a deployment tool fills in by itself:
	// it takes part in the cross-file rules but is never reported.
	Implicit bool
	// Computed is set on a value computed from the text at Range (a
	// variable, an expression) rather than written there as it is:
	// positions inside the value do not map to columns of the text.
	Computed    bool
	StringRange diag.Range

	// ext holds what few nodes have (Symbol, Tag), so that every other
	// node stays small: a cold run allocates millions of them.
	ext *nodeExt

	scalar *scalarSrc // where a string scalar sits in the file, for Expand
}

type nodeExt struct {
	symbol, tag string
	origin      diag.Range
}

// Symbol is set on a value that is not known statically (a template's
// reference to a resource, a parameter without default, a variable): it
// names the value, so that equal symbols are equal values, and nothing
// checks it. Value is then "".
func (n *Node) Symbol() string {
	if n == nil || n.ext == nil {
		return ""
	}
	return n.ext.symbol
}

// SetSymbol marks n as not known statically, named s.
func (n *Node) SetSymbol(s string) {
	var e nodeExt
	if n.ext != nil {
		e = *n.ext
	}
	e.symbol = s
	n.setExt(e)
}

// Origin is where a symbolic value comes from in the same file (the
// template resource a reference names); the zero Range when unknown.
func (n *Node) Origin() diag.Range {
	if n == nil || n.ext == nil {
		return diag.Range{}
	}
	return n.ext.origin
}

// SetOrigin records where a symbolic value comes from.
func (n *Node) SetOrigin(r diag.Range) {
	var e nodeExt
	if n.ext != nil {
		e = *n.ext
	}
	e.origin = r
	n.setExt(e)
}

// Tag is a YAML tag other than the standard ones (!Ref, !Sub), kept for
// the front-ends whose formats give tags a meaning.
func (n *Node) Tag() string {
	if n == nil || n.ext == nil {
		return ""
	}
	return n.ext.tag
}

// SetTag sets (or, with "", removes) the tag of n.
func (n *Node) SetTag(t string) {
	var e nodeExt
	if n.ext != nil {
		e = *n.ext
	}
	e.tag = t
	n.setExt(e)
}

// setExt replaces the extension (never changed in place: copies of a
// node share it).
func (n *Node) setExt(e nodeExt) {
	if e == (nodeExt{}) {
		n.ext = nil
		return
	}
	n.ext = &e
}

// Field is one key of an object.
type Field struct {
	Key      string // as matched against the schema (may be canonicalised)
	RawKey   string // as written
	KeyRange diag.Range
	Value    *Node
}

// Get returns the value of key in an object, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Field returns the field named key in an object, or nil.
func (n *Node) Field(key string) *Field {
	if n == nil || n.Kind != Object {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// Str returns the string value of key in an object: a String's value, or
// the text of a plain scalar; "" when absent or not a scalar.
func (n *Node) Str(key string) string {
	v := n.Get(key)
	if v == nil {
		return ""
	}
	return v.Scalar()
}

// Empty reports whether a value was written as nothing ("Visibility:"
// with no value), or is a null without text. Both YAML readers give an
// empty value go-yaml's implicit text "null", but its range is the one
// character after the colon, where a null written out spans its text.
func (n *Node) Empty() bool {
	if n.Kind == Null && n.Text == "" {
		return true
	}
	return n.Text == "null" && n.Range.Start.Line == n.Range.End.Line && n.Range.End.Col == n.Range.Start.Col+1
}

// Scalar returns a scalar's value as text ("" for objects, arrays, null).
func (n *Node) Scalar() string {
	if n == nil {
		return ""
	}
	switch n.Kind {
	case String:
		return n.Value
	case Bool, Number:
		if n.Text != "" {
			return n.Text
		}
		return n.Value
	}
	return ""
}

// IsTrue reports whether a node is boolean true or a string "true" in any case.
func (n *Node) IsTrue() bool {
	if n == nil {
		return false
	}
	return (n.Kind == Bool || n.Kind == String) && strings.EqualFold(n.Scalar(), "true")
}

// Lookup finds the node at an RFC 6901 pointer below n.
func (n *Node) Lookup(pointer string) *Node {
	if pointer == "" {
		return n
	}
	if pointer[0] != '/' {
		return nil
	}
	cur := n
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = UnescapePointer(tok)
		switch {
		case cur == nil:
			return nil
		case cur.Kind == Object:
			cur = cur.Get(tok)
		case cur.Kind == Array:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(cur.Items) {
				return nil
			}
			cur = cur.Items[i]
		default:
			return nil
		}
	}
	return cur
}

// Walk calls fn for n and every node below it, depth first; fn returning
// false skips the children.
func (n *Node) Walk(fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, f := range n.Fields {
		f.Value.Walk(fn)
	}
	for _, it := range n.Items {
		it.Walk(fn)
	}
}

// EscapePointer escapes one reference token (RFC 6901).
func EscapePointer(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if s[i] == '~' || s[i] == '/' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// UnescapePointer reverses EscapePointer.
func UnescapePointer(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
}

// SetPointers (re)computes Pointer for n and everything below it.
func (n *Node) SetPointers(ptr string) {
	n.Pointer = ptr
	for _, f := range n.Fields {
		f.Value.KeyRange = f.KeyRange
		f.Value.SetPointers(ptr + "/" + EscapePointer(f.Key))
	}
	for i, it := range n.Items {
		it.SetPointers(ptr + "/" + strconv.Itoa(i))
	}
}

// ToValue converts the tree to plain JSON values (nil, bool, string,
// float64-free json numbers as json.Number-compatible strings are avoided:
// numbers become float64 only when finite). It is used by callers that need
// encoding/json-like values.
func (n *Node) ToValue() any {
	switch n.Kind {
	case Null:
		return nil
	case Bool:
		return n.Value == "true"
	case Number:
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			return n.Value
		}
		return f
	case String:
		return n.Value
	case Array:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = it.ToValue()
		}
		return out
	default:
		out := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			if _, dup := out[f.Key]; !dup {
				out[f.Key] = f.Value.ToValue()
			}
		}
		return out
	}
}
