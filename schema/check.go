package schema

import (
	"errors"
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
	// RuleUnknownNested is an unknown key inside a JSON-string parameter,
	// which the gateway ignores (see checker.unknown).
	RuleUnknownNested = "unknown-nested-field"
	RuleEmbeddedJSON  = "embedded-json"
	RuleUnknownOp     = "unknown-action"
	RuleNotDef        = "not-a-definition"
)

// Detect tells which operation a document is a definition of. ok is false
// when it is none; then d explains why (unknown-action or
// not-a-definition).
func Detect(root *source.Node, file string, doc int) (op string, d *diag.Diagnostic) {
	return DetectIn(root, file, doc, nil)
}

// DetectIn is Detect on a document read from src: a misspelt Action then
// carries the fix (see CheckFile).
func DetectIn(root *source.Node, file string, doc int, src *source.File) (op string, d *diag.Diagnostic) {
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
		return "", mk(RuleNotDef, r, diag.Sprintf("a definition is an object of %s parameters, not %s", nameList(Ops, "or"), kind))
	}
	if a := root.Get("Action"); a != nil {
		name := a.Scalar()
		for _, op := range Ops {
			if name == op {
				return op, nil
			}
		}
		msg := diag.Sprintf("unknown Action %q: apigwlint checks %s", name, nameList(Ops, "and"))
		s, safe := Closest(name, Ops)
		if s != "" {
			msg += diag.Sprintf("; did you mean %q?", s)
		}
		d := mk(RuleUnknownOp, a.Range, msg)
		if e, ok := src.ReplaceString(a, name, s); ok && s != "" {
			d.Fixes = []diag.Fix{{Message: diag.Sprintf("replace %q with %q", name, s), Safe: safe, Edits: []diag.Edit{e}}}
		}
		return "", d
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
		quoted[i] = strconv.Quote("Action: " + op)
	}
	return nameList(quoted, "or")
}

// checker validates one document of one file.
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
	// src is the text the definition was read from, for suggested fixes;
	// nil: none are offered. spelling is how its format writes a key
	// (frontend.Frontend.Spelling); nil: as the parameter is named.
	src      *source.File
	spelling func(op, pointer, name string) (string, bool)
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
	return check(root, op, file, doc, true, nil)
}

// CheckFile is Check on a definition read from src: a misspelt key or
// enum value then carries the fix (edits in offsets of src.Src, see
// source.RawOffset), a key renamed to the name as spelling writes it
// (nil: as documented).
func CheckFile(root *source.Node, op, file string, doc int, src *source.File, spelling func(op, pointer, name string) (string, bool)) []diag.Diagnostic {
	c := newChecker(op, file, doc, src)
	c.spelling = spelling
	return c.run(root, true)
}

// check is Check; with fast false every definition is validated by the
// library, never waved through by the fast path (tests compare the two).
func check(root *source.Node, op, file string, doc int, fast bool, src *source.File) []diag.Diagnostic {
	return newChecker(op, file, doc, src).run(root, fast)
}

func newChecker(op, file string, doc int, src *source.File) *checker {
	return &checker{s: MustGet(op), file: file, doc: doc, suggested: map[string]bool{}, src: src}
}

func (c *checker) run(root *source.Node, fast bool) []diag.Diagnostic {
	s, op := c.s, c.s.Op
	val := c.walk(root, s.Root, false)
	if fast && s.fast != nil && s.fast.valid(val, 0) {
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

func (c *checker) add(r diag.Range, rule, pointer, msg string, related ...diag.Related) *diag.Diagnostic {
	c.diags = append(c.diags, diag.Diagnostic{File: c.file, Range: r, Severity: diag.Error, Rule: rule,
		Message: msg, Document: c.doc, Pointer: pointer, Related: related})
	return &c.diags[len(c.diags)-1]
}

// walk returns the plain JSON value for validation.
func (c *checker) walk(n *source.Node, sch map[string]any, inJSON bool) any {
	if n.Symbol() != "" || n.Implicit {
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
				c.unknown(n, f, props, required, inJSON)
				continue
			}
			if _, dup := out[f.Key]; dup || emptied[f.Key] {
				// "requestPath" and "RequestPath" in one object.
				c.add(f.KeyRange, source.RuleDuplicateKey, n.Pointer+"/"+source.EscapePointer(f.Key),
					diag.Sprintf("duplicate key %q: %q is the same key (keys match ignoring the case of the first letter)", f.RawKey, f.Key))
				continue
			}
			if emptyOptional(f, fs, c.s.resolve(fs), required) {
				// Tools send "" (or null) for every optional value they
				// leave unset, and the gateway takes it as unset:
				// validated as absent, so no type, enum, pattern or length
				// applies to it.
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
// optional string parameter is expected, or null where any optional
// parameter is. Terraform, Serverless Devs and the SDKs send "" for every
// optional value the user left unset (BodyFormat, ContentTypeCatagory,
// ServiceAddress on non-HTTP backends, ...), and the gateway accepts it as
// unset (the schema rule's document says so; testdata/cases/realworld
// holds such requests). Serverless Devs writes an empty YAML value
// (defaultValue:) as null when it stringifies the parameter lists
// (devsapp/apigateway src/index.ts, JSON.stringify), so null is unset
// too, whatever the parameter's type (docs/sources.md#empty-optional-values).
// An optional JSON-string parameter
// holding "" is absent too (the SDKs drop empty parameters before
// sending). A required parameter is never skipped: an empty GroupId is
// reported, as required (report.go, emptyRequired).
func emptyOptional(f *source.Field, fs, resolved map[string]any, required map[string]bool) bool {
	if fs == nil || required[f.Key] {
		return false
	}
	switch f.Value.Kind {
	case source.Null:
		return true
	case source.String:
		return f.Value.Value == "" && (fs[markJSONString] == true || typeAllows(resolved, "string"))
	}
	return false
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
		c.add(d.Range, source.RuleDuplicateKey, str.Pointer, diag.Sprintf("duplicate key %q in the JSON string (the gateway keeps only one)", d.Key),
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
			c.add(r, source.RuleLimit, str.Pointer, diag.Sprintf("the JSON string in %s %s", f.Key, msg))
		} else {
			c.add(r, RuleEmbeddedJSON, str.Pointer, diag.Sprintf("%s holds invalid JSON: %s", f.Key, msg))
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

// unknown reports a key the schema does not define
// (docs/sources.md#unknown-keys). At the top level it
// is an error (unknown-field): the SDKs have no field for it and the CLI
// refuses it, so the setting meant is never sent. Inside a JSON-string
// parameter the gateway ignores keys it does not know (Terraform sends
// "name" in every request parameter, the console "isHide" and
// "ParameterLocation", Serverless Devs "ContentTypeCategory", a deploy
// script "ApiParameterDesc", and their APIs work), so there it is a
// warning (unknown-nested-field), with the same did-you-mean. A misspelt
// required key stays an error either way: the key it stands for is
// missing, and the gateway rejects the call for that.
func (c *checker) unknown(obj *source.Node, f *source.Field, props map[string]any, required map[string]bool, inJSON bool) {
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
	rule := RuleUnknownField
	if inJSON {
		rule = RuleUnknownNested
		where += ", which the gateway ignores"
	}
	msg := diag.Sprintf("unknown key %q %s", f.RawKey, where)
	s, safe := Closest(f.RawKey, names)
	if s != "" {
		if inJSON && required[s] && !hasKey(obj, s) {
			rule = RuleUnknownField
			msg = diag.Sprintf("unknown key %q in %s, so the required key %s is missing", f.RawKey, Readable(obj.Pointer), s)
		}
		msg += diag.Sprintf("; did you mean %q?", s)
		c.suggested[obj.Pointer+"/"+source.EscapePointer(s)] = true
	} else if len(names) <= 12 {
		msg += "; expected one of " + strings.Join(names, ", ")
	}
	d := c.add(f.KeyRange, rule, obj.Pointer+"/"+source.EscapePointer(f.Key), msg)
	// A value a tool fills in (Implicit) stands for the key the user
	// meant, not one the rename would repeat.
	// Action decides what a document is: a key renamed to it must name
	// the operation the document was taken for.
	renames := s != "Action" || obj.Pointer == "" && f.Value.Scalar() == c.s.Op
	if s != "" && renames && !writtenKey(obj, s, inJSON) {
		to, ok := s, true
		if c.spelling != nil {
			to, ok = c.spelling(c.s.Op, obj.Pointer, s)
		}
		if e, renamed := c.src.RenameKey(f, to); ok && renamed {
			d.Fixes = []diag.Fix{{Message: diag.Sprintf("rename %q to %q", f.RawKey, to), Safe: safe, Edits: []diag.Edit{e}}}
		}
	}
}

// Closest is the candidate a misspelt s stands for, as Suggest finds it,
// and whether a fix to it is safe: s differs from it only in case and from
// no other candidate so, or it is the only candidate close enough.
func Closest(s string, candidates []string) (string, bool) {
	folded := ""
	for _, c := range candidates {
		if strings.EqualFold(c, s) {
			if folded != "" {
				folded = ""
				break
			}
			folded = c
		}
	}
	if folded != "" {
		return folded, true
	}
	return SuggestOne(s, candidates)
}

// writtenKey reports whether obj has key as the user wrote it (not filled
// in by a tool), or with the case of its first letter flipped inside a
// JSON-string parameter.
func writtenKey(obj *source.Node, key string, inJSON bool) bool {
	for _, f := range obj.Fields {
		if (f.Key == key || inJSON && f.Key == flipFirst(key)) && !f.Value.Implicit {
			return true
		}
	}
	return false
}

// hasKey reports whether an object inside a JSON-string parameter holds
// key, written as documented or with the case of its first letter flipped.
func hasKey(obj *source.Node, key string) bool {
	for _, f := range obj.Fields {
		if f.Key == key || f.Key == flipFirst(key) {
			return true
		}
	}
	return false
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

// maxSuggest is the longest word (in characters) for which Suggest looks
// for a candidate: a typo of a documented key or value is short, and a
// longer word (a pasted blob, a 5 MB key) would only cost time.
const maxSuggest = 64

// Suggest returns the candidate closest to s (ignoring case), or "" when
// none is close enough to be a likely typo: within 2 edits, or a third of
// the length of s when it is longer than 8 characters. The work is bounded
// by that distance: a candidate whose length differs by more is skipped,
// and the distance of the others stops as soon as it exceeds it.
func Suggest(s string, candidates []string) string {
	best, _ := suggest(s, candidates)
	return best
}

// SuggestOne is Suggest, and whether the candidate it returns is the only
// one close enough: then a fix to it is safe.
func SuggestOne(s string, candidates []string) (string, bool) {
	best, n := suggest(s, candidates)
	return best, best != "" && n == 1
}

// suggest is Suggest, with the number of candidates close enough.
func suggest(s string, candidates []string) (string, int) {
	if len(s) > 4*maxSuggest {
		return "", 0 // more than maxSuggest characters whatever the encoding
	}
	n := utf8.RuneCountInString(s)
	if n > maxSuggest {
		return "", 0
	}
	limit := 2
	if n > 8 {
		limit = n / 3
	}
	word := []rune(strings.ToLower(s))
	best, bestD := "", limit+1
	close := 0
	var rows distanceRows
	for _, c := range candidates {
		if len(c) > 4*(n+limit) {
			continue // more than n+limit characters
		}
		cand := []rune(strings.ToLower(c))
		if len(cand) > n+limit || len(cand) < n-limit {
			continue
		}
		d := rows.within(word, cand, limit)
		if d <= limit {
			close++
		}
		if d < bestD || (d == bestD && d <= limit && c < best) {
			best, bestD = c, d
		}
	}
	if bestD <= limit {
		return best, close
	}
	return "", 0
}

// distanceRows are the three rows within keeps, reused across candidates.
type distanceRows struct{ a, b, c []int }

// within is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of neighbours:
// ApiNmae), or limit+1 when it is more than limit. Only cells within limit of
// the diagonal are computed, three rows at a time, and it stops at the
// first two rows that are both over limit (no later cell can come back
// under it).
func (r *distanceRows) within(a, b []rune, limit int) int {
	over := limit + 1
	if len(a)-len(b) > limit || len(b)-len(a) > limit {
		return over
	}
	width := len(b) + 1
	if cap(r.a) < width {
		r.a, r.b, r.c = make([]int, width), make([]int, width), make([]int, width)
	}
	prev2, prev, cur := r.a[:width], r.b[:width], r.c[:width]
	for j := range prev {
		prev[j] = min(j, over)
		prev2[j] = over
	}
	prevMin := 0
	for i := 1; i <= len(a); i++ {
		for j := range cur {
			cur[j] = over
		}
		cur[0] = min(i, over)
		rowMin := cur[0]
		for j := max(1, i-limit); j <= min(len(b), i+limit); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			v = min(v, over)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit && prevMin > limit {
			return over
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
