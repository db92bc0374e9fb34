package schema

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/third_party/jsonschema"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Rule ids of the problems found here.
const (
	RuleSchema       = "schema"
	RuleUnknownField = "unknown-field"
	RuleEmbeddedJSON = "embedded-json"
	RuleUnknownOp    = "unknown-action"
	RuleNotDef       = "not-a-definition"
)

// Detect tells which operation a document is a definition of. ok is false
// when it is none; then d explains why (unknown-action or
// not-a-definition).
func Detect(root *source.Node, file string, doc int) (op string, d *diag.Diagnostic) {
	mk := func(rule string, r diag.Range, msg string) *diag.Diagnostic {
		return &diag.Diagnostic{File: file, Range: r, Severity: diag.Error, Rule: rule, Message: msg, Document: doc}
	}
	if root == nil || root.Kind != source.Object {
		r := diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}}
		if root != nil {
			r = root.Range
		}
		kind := "nothing"
		if root != nil {
			kind = "a " + root.Kind.String()
		}
		return "", mk(RuleNotDef, r, fmt.Sprintf("a definition is an object of %s parameters, not %s", nameList(Ops, "or"), kind))
	}
	if a := root.Get("Action"); a != nil {
		name := a.Scalar()
		for _, op := range Ops {
			if name == op {
				return op, nil
			}
		}
		msg := fmt.Sprintf("unknown Action %q: apigwlint checks %s", name, nameList(Ops, "and"))
		if s := Suggest(name, Ops); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		return "", mk(RuleUnknownOp, a.Range, msg)
	}
	// Without Action: the operation whose documented top-level
	// parameters the document uses, at least two of them and none of any
	// other operation's.
	hits := make([]int, len(Ops))
	for _, f := range root.Fields {
		for i, op := range Ops {
			if MustGet(op).TopLevel[f.Key] {
				hits[i]++
			}
		}
	}
	found := ""
	for i, op := range Ops {
		if hits[i] == 0 {
			continue
		}
		if hits[i] < 2 || found != "" {
			found = ""
			break
		}
		found = op
	}
	if found != "" {
		return found, nil
	}
	first := root.Range
	if len(root.Fields) > 0 {
		first = root.Fields[0].KeyRange
	}
	return "", mk(RuleNotDef, first, "not a definition: add "+actionList()+", or use at least two documented parameters of one operation")
}

// nameList joins names as a sentence does: "a", "a or b", "a, b or c".
func nameList(names []string, conj string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}

// actionList is `"Action: A" or "Action: B"`.
func actionList() string {
	quoted := make([]string, len(Ops))
	for i, op := range Ops {
		quoted[i] = fmt.Sprintf("%q", "Action: "+op)
	}
	return nameList(quoted, "or")
}

// Checker validates one document of one file.
type checker struct {
	s     *Schema
	file  string
	doc   int
	diags []diag.Diagnostic
	// suggested records "object pointer/key" for keys offered as a
	// did-you-mean, so that the misspelt key is the one diagnostic and no
	// "missing required" follows from it.
	suggested map[string]bool
	// broken lists pointers of JSON strings that did not parse; the
	// validator has nothing to say about them.
	broken []string
	// unchecked lists pointers of values that are symbolic or implicit
	// (source.Node.Symbol, Implicit): nothing below them is reported.
	unchecked []string
	// emptyReported records empty required values already reported, so
	// that "" breaking both a pattern and a length is one diagnostic.
	emptyReported map[string]bool
}

// unknownValue stands for a value that is not checked: the fast check
// takes it as valid, and the library sees null, whose complaints are
// dropped (Unchecked).
type unknownValue struct{}

// withoutUnknown replaces every unknownValue by nil, for the library.
func withoutUnknown(v any) any {
	switch x := v.(type) {
	case unknownValue:
		return nil
	case map[string]any:
		for k, e := range x {
			x[k] = withoutUnknown(e)
		}
	case []any:
		for i, e := range x {
			x[i] = withoutUnknown(e)
		}
	}
	return v
}

// Unchecked reports whether pointer is at or below one of pointers.
func Unchecked(pointer string, pointers []string) bool {
	for _, p := range pointers {
		if pointer == p || strings.HasPrefix(pointer, p+"/") || p == "" {
			return true
		}
	}
	return false
}

// Check normalises a definition in place and validates it against the
// schema of op:
//   - a JSON-string parameter written as a string is parsed and replaces the
//     string in the tree (positions point inside the string);
//   - inside JSON-string parameters, a key that differs from a documented
//     key only in the case of its first letter is taken as that key, and
//     enum values marked case-insensitive are canonicalised;
//   - a plain YAML scalar (TRUE, 1000) where the schema wants a string is
//     taken as its text;
//   - unknown keys are reported with a suggestion and left out of
//     validation, so that each mistake is reported once.
func Check(root *source.Node, op, file string, doc int) []diag.Diagnostic {
	s := MustGet(op)
	c := &checker{s: s, file: file, doc: doc, suggested: map[string]bool{}}
	val := c.walk(root, s.Root, false)
	if len(c.diags) > 0 && !c.onlyFieldDiags() {
		// A JSON string that did not parse: its subtree is missing, so
		// validation would only add noise about it. Go on nonetheless:
		// the rest of the definition is still worth checking.
	}
	if s.fast != nil && fastPath && s.fast.valid(val, 0) {
		return c.diags
	}
	compiled, err := s.compiled()
	if err != nil {
		c.add(root.Range, RuleSchema, "", "the "+op+" schema could not be compiled (a broken build of apigwlint): "+err.Error())
		return c.diags
	}
	if len(c.unchecked) > 0 {
		val = withoutUnknown(val)
	}
	if err := compiled.Validate(val); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			c.report(root, ve)
		} else {
			c.add(root.Range, RuleSchema, "", "schema validation failed: "+err.Error())
		}
	}
	return c.diags
}

// Normalize is Check's normalisation alone, in place, without validation
// or diagnostics: what the project index needs of a definition in a file
// that is read only for the index (a partial run's other files). When keys
// are given, only those top-level parameters are normalised (the rest of
// the tree is left as read).
func Normalize(root *source.Node, op string, keys ...string) {
	s := MustGet(op)
	c := &checker{s: s, suggested: map[string]bool{}}
	if len(keys) > 0 && root != nil && root.Kind == source.Object {
		// The fields are shared: a JSON string expanded under sub is
		// expanded in root.
		sub := &source.Node{Kind: source.Object, Range: root.Range, Pointer: root.Pointer}
		for _, f := range root.Fields {
			if slices.Contains(keys, f.Key) {
				sub.Fields = append(sub.Fields, f)
			}
		}
		root = sub
	}
	c.walk(root, s.Root, false)
}

func (c *checker) onlyFieldDiags() bool {
	for _, d := range c.diags {
		if d.Rule != RuleUnknownField {
			return false
		}
	}
	return true
}

func (c *checker) add(r diag.Range, rule, pointer, msg string, related ...diag.Related) {
	c.diags = append(c.diags, diag.Diagnostic{File: c.file, Range: r, Severity: diag.Error, Rule: rule,
		Message: msg, Document: c.doc, Pointer: pointer, Related: related})
}

// walk returns the plain JSON value for validation.
func (c *checker) walk(n *source.Node, sch map[string]any, inJSON bool) any {
	if n.Symbol != "" || n.Implicit {
		// Not known statically, or filled in by a tool: present (so
		// that it satisfies "required"), but never reported.
		c.unchecked = append(c.unchecked, n.Pointer)
		return unknownValue{}
	}
	if sch != nil && sch[markJSONString] == true {
		inJSON = true
	}
	rs := c.s.resolve(sch)
	switch n.Kind {
	case source.Object:
		props, _ := rs["properties"].(map[string]any)
		out := make(map[string]any, len(n.Fields))
		closed := rs != nil && rs["additionalProperties"] == false
		renamed := false
		required := requiredSet(rs)
		emptied := map[string]bool{}
		for _, f := range n.Fields {
			var fs map[string]any
			if props != nil {
				if p, ok := props[f.Key].(map[string]any); ok {
					fs = p
				} else if inJSON {
					if p, ok := props[flipFirst(f.Key)].(map[string]any); ok {
						f.Key = flipFirst(f.Key)
						fs = p
						renamed = true
					}
				}
			}
			if fs == nil && closed {
				c.unknown(n, f, props, inJSON)
				continue
			}
			if _, dup := out[f.Key]; dup || emptied[f.Key] {
				// "requestPath" and "RequestPath" in one object.
				c.add(f.KeyRange, source.RuleDuplicateKey, n.Pointer+"/"+source.EscapePointer(f.Key),
					fmt.Sprintf("duplicate key %q: %q is the same key (keys match ignoring the case of the first letter)", f.RawKey, f.Key))
				continue
			}
			if emptyOptional(f, fs, c.s.resolve(fs), required) {
				// Tools send "" for every optional value they leave
				// unset, and the gateway takes it as unset: validated as
				// absent, so no enum, pattern or length applies to it.
				emptied[f.Key] = true
				continue
			}
			if fs != nil && fs[markJSONString] == true && f.Value.Kind == source.String {
				if !c.expand(f) {
					continue // reported; left out of validation
				}
			}
			out[f.Key] = c.walk(f.Value, fs, inJSON)
		}
		if renamed {
			n.SetPointers(n.Pointer) // keys were canonicalised
		}
		return out
	case source.Array:
		items, _ := rs["items"].(map[string]any)
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = c.walk(it, items, inJSON)
		}
		return out
	}
	return c.scalar(n, rs)
}

// emptyOptional reports whether a field holds the empty string where an
// optional string parameter is expected. Terraform, Serverless Devs and
// the SDKs send "" for every optional value the user left unset
// (BodyFormat, ContentTypeCatagory, ServiceAddress on non-HTTP backends,
// ...), and the gateway accepts it as unset (the schema rule's document
// says so; testdata/cases/realworld holds such requests). An optional
// JSON-string parameter holding "" is absent too (the SDKs drop empty
// parameters before sending). A required parameter is never skipped: an
// empty GroupId is reported, as required (report.go, emptyRequired).
func emptyOptional(f *source.Field, fs, resolved map[string]any, required map[string]bool) bool {
	if f.Value.Kind != source.String || f.Value.Value != "" || fs == nil || required[f.Key] {
		return false
	}
	return fs[markJSONString] == true || typeAllows(resolved, "string")
}

// requiredSet returns the required keys of an object schema.
func requiredSet(rs map[string]any) map[string]bool {
	req, _ := rs["required"].([]any)
	if len(req) == 0 {
		return nil
	}
	out := make(map[string]bool, len(req))
	for _, r := range req {
		if k, ok := r.(string); ok {
			out[k] = true
		}
	}
	return out
}

// expand replaces a JSON string by the tree it holds.
func (c *checker) expand(f *source.Field) bool {
	str := f.Value
	tree, dups, err := source.Expand(str)
	for _, d := range dups {
		c.add(d.Range, source.RuleDuplicateKey, str.Pointer, fmt.Sprintf("duplicate key %q in the JSON string (the gateway keeps only one)", d.Key),
			diag.Related{File: c.file, Range: d.First, Message: "first defined here"})
	}
	if err != nil {
		var se *source.SyntaxError
		r := str.Range
		msg := err.Error()
		if errors.As(err, &se) {
			r, msg = se.Range, se.Msg
		}
		if se != nil && se.Limit {
			c.add(r, source.RuleLimit, str.Pointer, fmt.Sprintf("the JSON string in %s %s", f.Key, msg))
		} else {
			c.add(r, RuleEmbeddedJSON, str.Pointer, fmt.Sprintf("%s holds invalid JSON: %s", f.Key, msg))
		}
		c.broken = append(c.broken, str.Pointer)
		return false
	}
	tree.KeyRange = f.KeyRange
	tree.SetPointers(str.Pointer)
	f.Value = tree
	return true
}

func (c *checker) scalar(n *source.Node, rs map[string]any) any {
	wantsString := typeAllows(rs, "string") && !typeAllowsKind(rs, n.Kind)
	// An unquoted true/false is coerced only where a string is all that is
	// wanted (Mock: TRUE); where a number would do too (ServiceTimeout), a
	// boolean is a mistake of type and is reported as one.
	if n.Kind == source.Bool && rs["type"] != "string" {
		wantsString = false
	}
	if wantsString && n.Text != "" && !n.Embedded {
		// A plain YAML scalar such as TRUE or 0800 where a string is
		// wanted: the gateway receives the text as written.
		n.Kind, n.Value = source.String, n.Text
	}
	if n.Kind == source.String && rs != nil && rs[markEnumFold] == true {
		if enum, ok := rs["enum"].([]any); ok {
			for _, e := range enum {
				if es, ok := e.(string); ok && strings.EqualFold(es, n.Value) {
					n.Value = es
					break
				}
			}
		}
	}
	switch n.Kind {
	case source.Null:
		return nil
	case source.Bool:
		return n.Value == "true"
	case source.Number:
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			// Never hand the validator a number it cannot hold.
			return n.Value
		}
		return f
	}
	return n.Value
}

func typeAllows(rs map[string]any, t string) bool {
	if rs == nil {
		return false
	}
	switch v := rs["type"].(type) {
	case string:
		return v == t
	case []any:
		for _, x := range v {
			if x == t {
				return true
			}
		}
	}
	return false
}

func typeAllowsKind(rs map[string]any, k source.Kind) bool {
	switch k {
	case source.Number:
		return typeAllows(rs, "number") || typeAllows(rs, "integer")
	case source.Bool:
		return typeAllows(rs, "boolean")
	case source.Null:
		return typeAllows(rs, "null")
	}
	return typeAllows(rs, k.String())
}

func flipFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	if unicode.IsUpper(r) {
		return string(unicode.ToLower(r)) + s[size:]
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func (c *checker) unknown(obj *source.Node, f *source.Field, props map[string]any, inJSON bool) {
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	where := "here"
	if obj.Pointer == "" {
		where = "at the top level of a " + c.s.Op + " definition"
	} else {
		where = "in " + Readable(obj.Pointer)
	}
	msg := fmt.Sprintf("unknown key %q %s", f.RawKey, where)
	if s := Suggest(f.RawKey, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
		c.suggested[obj.Pointer+"/"+source.EscapePointer(s)] = true
	} else if len(names) <= 12 {
		msg += "; expected one of " + strings.Join(names, ", ")
	}
	c.add(f.KeyRange, RuleUnknownField, obj.Pointer+"/"+source.EscapePointer(f.Key), msg)
}

// Readable turns "/RequestParameters/0/Location" into
// "RequestParameters[0].Location".
func Readable(pointer string) string {
	if pointer == "" {
		return "the definition"
	}
	var b strings.Builder
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = source.UnescapePointer(tok)
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

// Suggest returns the candidate closest to s (ignoring case), or "" when
// none is close enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := levenshtein(ls, strings.ToLower(c))
		if d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	limit := 2
	if n := utf8.RuneCountInString(s); n > 8 {
		limit = n / 3
	}
	if bestD == 0 || bestD <= limit {
		return best
	}
	return ""
}

// levenshtein is the optimal-string-alignment distance: insertions,
// deletions, substitutions and transpositions of neighbours (ApiNmae).
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
