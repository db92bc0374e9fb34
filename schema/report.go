package schema

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/third_party/jsonschema"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

type leaf struct {
	keyword  string
	instance string
	schema   map[string]any // the schema object holding the keyword
	msg      string
}

// report turns the validator's error tree into one diagnostic per root
// cause, in a stable order (the validator's causes come in random order).
func (c *checker) report(root *source.Node, ve *jsonschema.ValidationError) {
	var leaves []leaf
	var collect func(e *jsonschema.ValidationError)
	collect = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, x := range e.Causes {
				collect(x)
			}
			return
		}
		kw := e.KeywordLocation
		if i := strings.LastIndexByte(kw, '/'); i >= 0 {
			kw = kw[i+1:]
		}
		abs := e.AbsoluteKeywordLocation
		frag := ""
		if i := strings.IndexByte(abs, '#'); i >= 0 {
			frag = abs[i+1:]
		}
		if i := strings.LastIndexByte(frag, '/'); i >= 0 {
			frag = frag[:i]
		}
		leaves = append(leaves, leaf{keyword: kw, instance: e.InstanceLocation, schema: c.s.compiledAt(frag), msg: e.Message})
	}
	collect(ve)
	// type errors first: a value of the wrong type says nothing else useful
	rank := func(k string) int {
		switch k {
		case "type":
			return 0
		case "required":
			return 1
		}
		return 2
	}
	sort.SliceStable(leaves, func(i, j int) bool {
		if leaves[i].instance != leaves[j].instance {
			return leaves[i].instance < leaves[j].instance
		}
		if rank(leaves[i].keyword) != rank(leaves[j].keyword) {
			return rank(leaves[i].keyword) < rank(leaves[j].keyword)
		}
		return leaves[i].keyword < leaves[j].keyword
	})
	typeErr := map[string]bool{}
	seen := map[string]bool{}
	for _, l := range leaves {
		if typeErr[l.instance] || Unchecked(l.instance, c.unchecked) {
			continue
		}
		key := l.instance + "\x00" + l.keyword
		if seen[key] {
			continue
		}
		seen[key] = true
		if l.keyword == "type" {
			typeErr[l.instance] = true
		}
		n := root.Lookup(l.instance)
		if n == nil {
			n = root
		}
		c.leaf(n, l)
	}
}

func (c *checker) leaf(n *source.Node, l leaf) {
	name := Readable(l.instance)
	hint, _ := l.schema[markHint].(string)
	r := n.Range
	if n.Empty() && l.keyword != "required" {
		// An empty value (Visibility:) is not the text "null".
		c.add(r, RuleSchema, l.instance, fmt.Sprintf("%s is empty; %s", name, expectation(l, hint)))
		return
	}
	switch l.keyword {
	case "required":
		req, _ := l.schema["required"].([]any)
		where := r
		if n.KeyRange != (diag.Range{}) {
			where = n.KeyRange
		}
		for _, x := range req {
			k, _ := x.(string)
			if n.Get(k) != nil || c.suggested[l.instance+"/"+source.EscapePointer(k)] || c.isBroken(l.instance+"/"+source.EscapePointer(k)) {
				continue
			}
			var msg string
			if l.instance == "" {
				msg = diag.Sprintf("missing required parameter %s", k)
			} else {
				msg = diag.Sprintf("%s is missing required key %s", name, k)
			}
			c.add(where, RuleSchema, l.instance+"/"+source.EscapePointer(k), msg)
		}
		return
	case "type":
		c.add(r, RuleSchema, l.instance, diag.Sprintf("%s must be %s, not %s", name, typeWords(l.schema["type"]), describe(n)))
		return
	case "enum":
		var opts []string
		for _, e := range l.schema["enum"].([]any) {
			opts = append(opts, fmt.Sprint(e))
		}
		if emptyRequired(n, l.instance) {
			c.add(r, RuleSchema, l.instance, emptyRequiredMsg(name)+"; use one of "+strings.Join(opts, ", "))
			return
		}
		msg := diag.Sprintf("%s %s is not one of %s", name, quoteVal(n), strings.Join(opts, ", "))
		s, safe := "", false
		if n.Kind == source.String {
			s, safe = Closest(n.Scalar(), opts)
		}
		if s != "" {
			msg += diag.Sprintf("; did you mean %q?", s)
		}
		d := c.add(r, RuleSchema, l.instance, msg)
		if s != "" {
			if e, ok := c.src.ReplaceString(n, n.Scalar(), s); ok {
				d.Fixes = []diag.Fix{{Message: diag.Sprintf("replace %q with %q", n.Scalar(), s), Safe: safe, Edits: []diag.Edit{e}}}
			}
		}
		return
	case "const":
		c.add(r, RuleSchema, l.instance, diag.Sprintf("%s must be %v, not %s", name, quoteAny(l.schema["const"]), quoteVal(n)))
		return
	case "minLength", "maxLength", "pattern", "format":
		what := map[string]string{"minLength": "is too short", "maxLength": "is too long", "pattern": "is not valid", "format": "is not valid"}[l.keyword]
		if emptyRequired(n, l.instance) {
			if c.emptyReported[l.instance] {
				return // one message for an empty value, whatever it breaks
			}
			if c.emptyReported == nil {
				c.emptyReported = map[string]bool{}
			}
			c.emptyReported[l.instance] = true
			if hint == "" {
				hint = map[string]string{"minLength": fmt.Sprintf("at least %v characters", l.schema["minLength"]),
					"pattern": fmt.Sprintf("it must match %v", l.schema["pattern"]), "format": fmt.Sprintf("it must be a valid %v", l.schema["format"])}[l.keyword]
			}
			msg := emptyRequiredMsg(name)
			if hint != "must not be empty" {
				msg += "; " + hint
			}
			c.add(r, RuleSchema, l.instance, msg)
			return
		}
		if hint == "" {
			switch l.keyword {
			case "minLength":
				hint = diag.Sprintf("at least %v characters", l.schema["minLength"])
			case "maxLength":
				hint = diag.Sprintf("at most %v characters (it has %d)", l.schema["maxLength"], utf8.RuneCountInString(n.Value))
			case "pattern":
				hint = diag.Sprintf("it must match %v", l.schema["pattern"])
			case "format":
				hint = diag.Sprintf("it must be a valid %v", l.schema["format"])
			}
		}
		c.add(r, RuleSchema, l.instance, diag.Sprintf("%s %s %s: %s", name, quoteVal(n), what, hint))
		return
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		what := "is too small"
		if strings.Contains(strings.ToLower(l.keyword), "max") {
			what = "is too large"
		}
		if hint == "" {
			hint = map[string]string{"minimum": "at least ", "maximum": "at most ", "exclusiveMinimum": "more than ", "exclusiveMaximum": "less than "}[l.keyword] + fmt.Sprint(l.schema[l.keyword])
		}
		c.add(r, RuleSchema, l.instance, diag.Sprintf("%s %s %s: %s", name, n.Scalar(), what, hint))
		return
	case "minItems", "maxItems":
		what := "has too few items"
		if l.keyword == "maxItems" {
			what = "has too many items"
		}
		if hint == "" {
			hint = map[string]string{"minItems": "at least ", "maxItems": "at most "}[l.keyword] + fmt.Sprint(l.schema[l.keyword])
		}
		where := r
		if n.KeyRange != (diag.Range{}) {
			where = n.KeyRange
		}
		c.add(where, RuleSchema, l.instance, diag.Sprintf("%s %s (%d): %s", name, what, len(n.Items), hint))
		return
	}
	c.add(r, RuleSchema, l.instance, diag.Sprintf("%s: %s", name, l.msg))
}

// expectation says what a value should be, for a value that is empty.
func expectation(l leaf, hint string) string {
	if enum, ok := l.schema["enum"].([]any); ok {
		var opts []string
		for _, e := range enum {
			if e != nil {
				opts = append(opts, fmt.Sprint(e))
			}
		}
		return "use one of " + strings.Join(opts, ", ")
	}
	if v, ok := l.schema["const"]; ok {
		return "use " + quoteAny(v)
	}
	what := ""
	if t, ok := l.schema["type"]; ok {
		what = typeWords(t)
	}
	switch {
	case what != "" && hint != "":
		return "expected " + what + ": " + hint
	case what != "":
		return "expected " + what
	case hint != "":
		return "expected " + hint
	}
	return l.msg
}

func typeWords(t any) string {
	var ts []string
	switch v := t.(type) {
	case string:
		ts = []string{v}
	case []any:
		for _, x := range v {
			ts = append(ts, fmt.Sprint(x))
		}
	}
	for i, x := range ts {
		switch x {
		case "integer", "array", "object":
			ts[i] = "an " + x
		default:
			ts[i] = "a " + x
		}
	}
	return strings.Join(ts, " or ")
}

func describe(n *source.Node) string {
	switch n.Kind {
	case source.Null:
		return "empty (null)"
	case source.Object:
		return "an object"
	case source.Array:
		return "a list"
	case source.String:
		return "the string " + quoteVal(n)
	case source.Bool:
		return "the boolean " + n.Scalar()
	}
	return "the number " + n.Scalar()
}

// quoteVal shows a scalar for a message: quoted, escaped, shortened.
func quoteVal(n *source.Node) string {
	if n.Kind == source.Number || n.Kind == source.Bool {
		return n.Scalar()
	}
	return quoteAny(n.Value)
}

func quoteAny(v any) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprint(v)
	}
	// Counted up to the cut only: a value may be megabytes long.
	n := 0
	for i := range s {
		if n == 57 {
			if utf8.RuneCountInString(s[i:]) > 3 {
				s = s[:i] + "..."
			}
			break
		}
		n++
	}
	return strconv.Quote(s)
}

func (c *checker) isBroken(pointer string) bool {
	for _, b := range c.broken {
		if pointer == b || strings.HasPrefix(pointer, b+"/") {
			return true
		}
	}
	return false
}

func emptyRequiredMsg(name string) string {
	return name + ` is empty, but it is required ("" means unset only for an optional parameter)`
}

// emptyRequired reports whether a value the validator refused is the empty
// string in a parameter's place (not an array item). Check leaves out an
// empty optional parameter before validation, so such a value is a
// required one.
func emptyRequired(n *source.Node, instance string) bool {
	if n.Kind != source.String || n.Value != "" || instance == "" {
		return false
	}
	last := instance[strings.LastIndexByte(instance, '/')+1:]
	_, err := strconv.Atoi(last)
	return err != nil
}
