package schema

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/third_party/jsonschema"
)

// A fast path for the common case: a definition that is valid.
//
// jsonschema/v5 builds an error tree, a set of unevaluated properties and
// keyword location strings for every schema it visits, valid or not; on
// valid definitions that is most of the validation cost, and compiling the
// schemas (with the meta-schema check) costs more than checking one file.
// fastSchema is the same schema document (the internal one the library
// compiles) read into a small form that answers one question: is this value
// certainly valid? It understands only the keywords the embedded schemas
// use; a schema using anything else gets no fast path at all (buildFast
// fails). When the answer is no, the library compiles the schema (once) and
// validates as before, and its error tree gives the messages. So no
// diagnostic depends on this code: it can only skip the library on a value
// the library would accept, and fast_test.go checks the two agree.
type fastSchema struct {
	types      []string
	hasConst   bool
	constant   any
	enum       []any
	format     func(any) bool
	required   []string
	properties map[string]*fastSchema
	addlFalse  bool        // additionalProperties: false
	addl       *fastSchema // additionalProperties: {schema}
	propNames  *fastSchema // propertyNames
	items      *fastSchema
	minItems   int // -1: none
	maxItems   int
	minLength  int
	maxLength  int
	pattern    *regexp.Regexp
	minimum    *big.Rat
	maximum    *big.Rat
	exclMin    *big.Rat
	exclMax    *big.Rat
	ref        *fastSchema
}

// annotations are keywords with no effect on validity.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$comment": true, "title": true, "description": true,
	"examples": true, "default": true, "deprecated": true, "readOnly": true, "writeOnly": true,
}

// buildFast reads a schema document (as encoding/json decodes it) into
// its fast form; an error names the first keyword it does not understand.
func buildFast(root any) (*fastSchema, error) {
	b := &fastBuilder{root: root, byPtr: map[string]*fastSchema{}}
	return b.at("")
}

type fastBuilder struct {
	root  any
	byPtr map[string]*fastSchema // built or being built, by JSON pointer
}

func (b *fastBuilder) at(ptr string) (*fastSchema, error) {
	if s, ok := b.byPtr[ptr]; ok {
		return s, nil // also breaks $ref cycles
	}
	var cur any = b.root
	if ptr != "" {
		for _, tok := range strings.Split(ptr[1:], "/") {
			if strings.Contains(tok, "~") {
				tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			}
			switch t := cur.(type) {
			case map[string]any:
				cur = t[tok]
			case []any:
				i, err := strconv.Atoi(tok)
				if err != nil || i < 0 || i >= len(t) {
					return nil, fmt.Errorf("bad pointer %q", ptr)
				}
				cur = t[i]
			default:
				return nil, fmt.Errorf("bad pointer %q", ptr)
			}
		}
	}
	m, ok := cur.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%q is not a schema object", ptr)
	}
	s := &fastSchema{minItems: -1, maxItems: -1, minLength: -1, maxLength: -1}
	b.byPtr[ptr] = s
	for k, v := range m {
		if err := b.keyword(s, ptr, k, v); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (b *fastBuilder) keyword(s *fastSchema, ptr, k string, v any) error {
	var err error
	bad := func() error { return fmt.Errorf("%s/%s: keyword not understood by the fast path", ptr, k) }
	switch k {
	case "type":
		switch t := v.(type) {
		case string:
			s.types = []string{t}
		case []any:
			for _, x := range t {
				xs, ok := x.(string)
				if !ok {
					return bad()
				}
				s.types = append(s.types, xs)
			}
		default:
			return bad()
		}
	case "const":
		s.hasConst, s.constant = true, v
	case "enum":
		e, ok := v.([]any)
		if !ok || len(e) == 0 {
			return bad()
		}
		s.enum = e
	case "format":
		name, _ := v.(string)
		if s.format = jsonschema.Formats[name]; s.format == nil {
			return bad()
		}
	case "required":
		r, ok := v.([]any)
		if !ok {
			return bad()
		}
		for _, x := range r {
			xs, ok := x.(string)
			if !ok {
				return bad()
			}
			s.required = append(s.required, xs)
		}
	case "properties":
		props, ok := v.(map[string]any)
		if !ok {
			return bad()
		}
		s.properties = make(map[string]*fastSchema, len(props))
		for name := range props {
			if s.properties[name], err = b.at(ptr + "/properties/" + escapePtr(name)); err != nil {
				return err
			}
		}
	case "additionalProperties":
		switch t := v.(type) {
		case bool:
			s.addlFalse = !t
		case map[string]any:
			if s.addl, err = b.at(ptr + "/additionalProperties"); err != nil {
				return err
			}
		default:
			return bad()
		}
	case "propertyNames":
		if _, ok := v.(map[string]any); !ok {
			return bad()
		}
		if s.propNames, err = b.at(ptr + "/propertyNames"); err != nil {
			return err
		}
	case "items":
		if _, ok := v.(map[string]any); !ok {
			return bad()
		}
		if s.items, err = b.at(ptr + "/items"); err != nil {
			return err
		}
	case "minItems", "maxItems", "minLength", "maxLength":
		f, ok := v.(float64)
		if !ok || f < 0 || f != float64(int(f)) {
			return bad()
		}
		*map[string]*int{"minItems": &s.minItems, "maxItems": &s.maxItems, "minLength": &s.minLength, "maxLength": &s.maxLength}[k] = int(f)
	case "pattern":
		p, _ := v.(string)
		if s.pattern, err = regexp.Compile(p); err != nil {
			return bad()
		}
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		// The library reads the number from the JSON it is given, which
		// encoding/json writes as the shortest decimal of the float64:
		// the decimal fmt.Sprint writes too.
		f, ok := v.(float64)
		if !ok {
			return bad()
		}
		r, ok := ratOf(f)
		if !ok {
			return bad()
		}
		*map[string]**big.Rat{"minimum": &s.minimum, "maximum": &s.maximum, "exclusiveMinimum": &s.exclMin, "exclusiveMaximum": &s.exclMax}[k] = r
	case "$ref":
		ref, _ := v.(string)
		if !strings.HasPrefix(ref, "#") {
			return bad()
		}
		if s.ref, err = b.at(strings.TrimPrefix(ref, "#")); err != nil {
			return err
		}
	default:
		if !annotations[k] && !strings.HasPrefix(k, "x-") {
			return bad()
		}
	}
	return nil
}

func escapePtr(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// valid reports whether v is certainly valid against s (see above). It
// mirrors jsonschema/v5's validate keyword by keyword.
func (s *fastSchema) valid(v any, depth int) bool {
	if depth > 1000 {
		return false // let the library decide
	}
	if _, ok := v.(unknownValue); ok {
		return true
	}
	if len(s.types) > 0 && !typeMatches(s.types, v) {
		return false
	}
	if s.hasConst && !equals(v, s.constant) {
		return false
	}
	if len(s.enum) > 0 {
		matched := false
		for _, item := range s.enum {
			if equals(v, item) {
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	if s.format != nil && !s.format(v) {
		return false
	}
	switch v := v.(type) {
	case map[string]any:
		for _, name := range s.required {
			if _, ok := v[name]; !ok {
				return false
			}
		}
		for name, pv := range v {
			if s.propNames != nil && !s.propNames.valid(name, depth+1) {
				return false
			}
			if ps, known := s.properties[name]; known {
				if !ps.valid(pv, depth+1) {
					return false
				}
				continue
			}
			if s.addlFalse || (s.addl != nil && !s.addl.valid(pv, depth+1)) {
				return false
			}
		}
	case []any:
		if (s.minItems != -1 && len(v) < s.minItems) || (s.maxItems != -1 && len(v) > s.maxItems) {
			return false
		}
		if s.items != nil {
			for _, it := range v {
				if !s.items.valid(it, depth+1) {
					return false
				}
			}
		}
	case string:
		if s.minLength != -1 || s.maxLength != -1 {
			n := utf8.RuneCountInString(v)
			if (s.minLength != -1 && n < s.minLength) || (s.maxLength != -1 && n > s.maxLength) {
				return false
			}
		}
		if s.pattern != nil && !s.pattern.MatchString(v) {
			return false
		}
	case float64:
		if s.minimum != nil || s.maximum != nil || s.exclMin != nil || s.exclMax != nil {
			num, ok := ratOf(v)
			if !ok {
				return false
			}
			if (s.minimum != nil && num.Cmp(s.minimum) < 0) || (s.maximum != nil && num.Cmp(s.maximum) > 0) ||
				(s.exclMin != nil && num.Cmp(s.exclMin) <= 0) || (s.exclMax != nil && num.Cmp(s.exclMax) >= 0) {
				return false
			}
		}
	}
	return s.ref == nil || s.ref.valid(v, depth+1)
}

// ratOf is the number the library compares: the decimal fmt.Sprint writes.
func ratOf(v any) (*big.Rat, bool) {
	return new(big.Rat).SetString(fmt.Sprint(v))
}

func jsonTypeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64, json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "" // not a value the checker builds: never matches
}

func typeMatches(types []string, v any) bool {
	vt := jsonTypeOf(v)
	for _, t := range types {
		if t == vt {
			return true
		}
		if t == "integer" && vt == "number" {
			if num, ok := ratOf(v); ok && num.IsInt() {
				return true
			}
		}
	}
	return false
}

// equals is jsonschema/v5's equality of JSON values.
func equals(a, b any) bool {
	at := jsonTypeOf(a)
	if at == "" || at != jsonTypeOf(b) {
		return false
	}
	switch at {
	case "array":
		x, y := a.([]any), b.([]any)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equals(x[i], y[i]) {
				return false
			}
		}
		return true
	case "object":
		x, y := a.(map[string]any), b.(map[string]any)
		if len(x) != len(y) {
			return false
		}
		for k, xv := range x {
			yv, ok := y[k]
			if !ok || !equals(xv, yv) {
				return false
			}
		}
		return true
	case "number":
		x, ok1 := ratOf(a)
		y, ok2 := ratOf(b)
		return ok1 && ok2 && x.Cmp(y) == 0
	}
	return a == b
}
