package rules

import (
	"strconv"

	"github.com/apigwlint/apigwlint/internal/facts"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// Helpers shared by the definition rules. Rules run on trees that the
// schema may have found broken (missing keys, wrong types, a JSON string
// that did not parse), so every helper accepts nil and wrong kinds and
// answers "absent" rather than guessing.

// enumOf returns the allowed value a scalar matches, ignoring case, or ""
// when the node is absent or holds anything else. A value outside the
// allowed set is the schema's to report; rules treat it as unknown so that
// one mistake gives one diagnostic.
func enumOf(n *source.Node, allowed ...string) string {
	v := strings.TrimSpace(n.Scalar())
	if v == "" {
		return ""
	}
	for _, a := range allowed {
		if strings.EqualFold(v, a) {
			return a
		}
	}
	return ""
}

// present reports whether a key holds something, and is the one place
// where rules decide whether an optional value is set. An empty optional
// value is the same as an absent one, because that is how tools write
// "unset" and how the gateway reads it (Terraform's request structs have
// no omitempty, Serverless Devs merges empty defaults into every API):
// absent, null, a blank string, an empty object or array, and an object
// none of whose keys is present (Terraform's
// {"name": "", "vpcScheme": ""}) are all unset. Inside an object, false is
// a key's zero value and does not make the object set (Terraform's
// all-empty functionComputeConfig carries "onlyBusinessPath": false).
func present(n *source.Node) bool {
	if n == nil {
		return false
	}
	if n.Symbol() != "" || n.Implicit {
		// Not known statically, or filled in by a tool: there is a
		// value.
		return true
	}
	switch n.Kind {
	case source.Null:
		return false
	case source.String:
		return strings.TrimSpace(n.Value) != ""
	case source.Object:
		for _, f := range n.Fields {
			if present(f.Value) && !(f.Value.Kind == source.Bool && !f.Value.IsTrue()) {
				return true
			}
		}
		return false
	case source.Array:
		return len(n.Items) > 0
	}
	return true
}

// unknown reports whether a node's value is not known statically (a
// template's reference, an unresolved variable): a rule that would judge
// by that value says nothing.
func unknown(n *source.Node) bool { return n != nil && n.Symbol() != "" }

// presentAny reports whether obj holds any of keys (see present).
func presentAny(obj *source.Node, keys ...string) bool {
	for _, k := range keys {
		if present(obj.Get(k)) {
			return true
		}
	}
	return false
}

// items returns the items of an array node (nil for anything else).
func items(n *source.Node) []*source.Node {
	if n == nil || n.Kind != source.Array {
		return nil
	}
	return n.Items
}

// object returns n when it is an object, else nil.
func object(n *source.Node) *source.Node {
	if n == nil || n.Kind != source.Object {
		return nil
	}
	return n
}

// at is the range to report for a node: the key that holds it when it has
// one and is an object or array (whose own range may span many lines),
// else its value.
func at(n *source.Node) diag.Range {
	if n == nil {
		return diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}}
	}
	if (n.Kind == source.Object || n.Kind == source.Array) && n.KeyRange != (diag.Range{}) {
		return n.KeyRange
	}
	return n.Range
}

// itemAt is the range to report for an array item that is an object: its
// first key (YAML block items would otherwise span many lines).
func itemAt(n *source.Node) diag.Range {
	if n != nil && n.Kind == source.Object && len(n.Fields) > 0 && n.Fields[0].KeyRange != (diag.Range{}) {
		return n.Fields[0].KeyRange
	}
	return at(n)
}

// subRange returns the range of the runes [start, end) of a string node's
// value, when the string is written on one line without escapes (plain,
// or quoted with exactly one quote on each side); otherwise the whole
// value, which is still right, only less precise.
func subRange(n *source.Node, start, end int) diag.Range {
	if n == nil || n.Kind != source.String {
		return at(n)
	}
	r := n.Range
	if r.Start.Line != r.End.Line || n.Computed {
		return r
	}
	width := r.End.Col - r.Start.Col
	count := utf8.RuneCountInString(n.Value)
	var off int
	switch width {
	case count:
		off = 0
	case count + 2:
		off = 1
	default:
		return r // escapes, folding or a block scalar: positions are not 1:1
	}
	if start < 0 || end > count || start > end {
		return r
	}
	return diag.Range{
		Start: diag.Pos{Line: r.Start.Line, Col: r.Start.Col + off + start},
		End:   diag.Pos{Line: r.Start.Line, Col: r.Start.Col + off + end},
	}
}

// pathParam is one "[name]" placeholder in a path; Start and End are rune
// offsets of the brackets in the path ([Start, End) covers "[name]").
type pathParam struct {
	Name       string
	Start, End int
}

// pathParams finds the "[name]" placeholders of a request or backend path. The
// characters allowed inside the brackets are not documented
// (docs/sources.md#requestpath-wildcard), so anything but brackets and '/'
// counts; an empty "[]" is not a placeholder.
func pathParams(path string) []pathParam {
	var out []pathParam
	runes := []rune(path)
	for i := 0; i < len(runes); i++ {
		if runes[i] != '[' {
			continue
		}
		for j := i + 1; j < len(runes); j++ {
			if runes[j] == '[' || runes[j] == '/' {
				break
			}
			if runes[j] == ']' {
				if j > i+1 {
					out = append(out, pathParam{Name: string(runes[i+1 : j]), Start: i, End: j + 1})
				}
				i = j
				break
			}
		}
	}
	return out
}

// templated reports whether a value is a placeholder that a deployment tool
// fills in (${VAR}, {{ var }}): its final form cannot be checked here.
func templated(s string) bool {
	return strings.Contains(s, "${") || strings.Contains(s, "{{")
}

// has reports whether obj holds key with a value, or holds a misspelling
// of it. A misspelt key is reported by unknown-field with a did-you-mean,
// an error; a rule that then said "key is missing" would repeat that
// diagnostic with a worse message. Inside a JSON-string parameter a
// misspelt key is only the warning unknown-nested-field (the gateway
// ignores it), so there the key is missing, and a rule that needs it says
// so at its own severity.
func has(c *Context, obj *source.Node, key string) bool {
	if obj == nil || obj.Kind != source.Object {
		return false
	}
	if present(obj.Get(key)) {
		return true
	}
	var documented []string
	if s, err := schema.Get(c.Op); err == nil {
		if s.InJSONString(obj.Pointer) {
			return false
		}
		documented = schema.Properties(s.Resolved(obj.Pointer))
	}
	for _, f := range obj.Fields {
		if f.Key == key || contains(documented, f.Key) {
			continue
		}
		if schema.Suggest(f.Key, []string{key}) == key {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// valueText shows an index value in a message: quoted when known, as the
// expression it stands for when not (a Terraform reference, a template
// parameter).
func valueText(v string) string {
	if facts.IsSymbolic(v) {
		return diag.Clip(facts.Readable(v))
	}
	return strconv.Quote(diag.Clip(v))
}
