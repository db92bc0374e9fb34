package schema

import (
	"encoding/json"
	"fmt"
	"math/big"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// A fast path for the common case: a definition that is valid.
//
// jsonschema/v5 builds an error tree, a set of unevaluated properties and
// a keyword location string for every schema it visits, valid or not; on
// valid definitions that is most of the validation cost. valid below walks
// the same compiled schema and answers one question: is the value certainly
// valid? It understands only the keywords the embedded schemas use, and
// the schema graph is checked once (fastPathOK) to use nothing else; when
// it answers no, the library validates as before and produces the error
// tree the messages are made from. So the diagnostics never depend on this
// code: it can only skip the library on a value the library would accept.

// fastPathOK reports whether every schema reachable from s uses only the
// keywords valid understands.
func fastPathOK(s *jsonschema.Schema) bool {
	seen := map[*jsonschema.Schema]bool{}
	var ok func(s *jsonschema.Schema) bool
	ok = func(s *jsonschema.Schema) bool {
		if s == nil || seen[s] {
			return true
		}
		seen[s] = true
		if s.RecursiveRef != nil || s.DynamicRef != nil || s.Not != nil || len(s.AllOf) > 0 || len(s.AnyOf) > 0 ||
			len(s.OneOf) > 0 || s.If != nil || s.MinProperties != -1 || s.MaxProperties != -1 || s.PropertyNames != nil ||
			s.RegexProperties || len(s.PatternProperties) > 0 || len(s.Dependencies) > 0 || len(s.DependentRequired) > 0 ||
			len(s.DependentSchemas) > 0 || s.UnevaluatedProperties != nil || s.UniqueItems || s.Items != nil ||
			s.AdditionalItems != nil || len(s.PrefixItems) > 0 || s.Contains != nil || s.UnevaluatedItems != nil ||
			s.ContentEncoding != "" || s.ContentMediaType != "" || s.ContentSchema != nil || s.MultipleOf != nil ||
			len(s.Extensions) > 0 {
			return false
		}
		if s.Format != "" && jsonschema.Formats[s.Format] == nil {
			return false
		}
		if ap, isSchema := s.AdditionalProperties.(*jsonschema.Schema); isSchema && !ok(ap) {
			return false
		}
		for _, p := range s.Properties {
			if !ok(p) {
				return false
			}
		}
		return ok(s.Ref) && ok(s.Items2020)
	}
	return ok(s)
}

// valid reports whether v is certainly valid against s (see above). It
// mirrors jsonschema/v5's validate keyword by keyword.
func valid(s *jsonschema.Schema, v any, depth int) bool {
	if depth > 1000 {
		return false // let the library decide
	}
	if s.Always != nil {
		return *s.Always
	}
	if len(s.Types) > 0 && !typeMatches(s.Types, v) {
		return false
	}
	if len(s.Constant) > 0 && !equals(v, s.Constant[0]) {
		return false
	}
	if len(s.Enum) > 0 {
		matched := false
		for _, item := range s.Enum {
			if equals(v, item) {
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	if s.Format != "" && !jsonschema.Formats[s.Format](v) {
		return false
	}
	switch v := v.(type) {
	case map[string]any:
		for _, name := range s.Required {
			if _, ok := v[name]; !ok {
				return false
			}
		}
		for name, pv := range v {
			ps, known := s.Properties[name]
			if known {
				if !valid(ps, pv, depth+1) {
					return false
				}
				continue
			}
			switch ap := s.AdditionalProperties.(type) {
			case bool:
				if !ap {
					return false
				}
			case *jsonschema.Schema:
				if !valid(ap, pv, depth+1) {
					return false
				}
			}
		}
	case []any:
		if s.MinItems != -1 && len(v) < s.MinItems {
			return false
		}
		if s.MaxItems != -1 && len(v) > s.MaxItems {
			return false
		}
		if s.Items2020 != nil {
			for _, it := range v {
				if !valid(s.Items2020, it, depth+1) {
					return false
				}
			}
		}
	case string:
		if s.MinLength != -1 || s.MaxLength != -1 {
			n := utf8.RuneCountInString(v)
			if (s.MinLength != -1 && n < s.MinLength) || (s.MaxLength != -1 && n > s.MaxLength) {
				return false
			}
		}
		if s.Pattern != nil && !s.Pattern.MatchString(v) {
			return false
		}
	case float64, json.Number:
		if s.Minimum != nil || s.Maximum != nil || s.ExclusiveMinimum != nil || s.ExclusiveMaximum != nil {
			num, ok := new(big.Rat).SetString(fmt.Sprint(v))
			if !ok {
				return false
			}
			if (s.Minimum != nil && num.Cmp(s.Minimum) < 0) || (s.Maximum != nil && num.Cmp(s.Maximum) > 0) ||
				(s.ExclusiveMinimum != nil && num.Cmp(s.ExclusiveMinimum) <= 0) ||
				(s.ExclusiveMaximum != nil && num.Cmp(s.ExclusiveMaximum) >= 0) {
				return false
			}
		}
	}
	return s.Ref == nil || valid(s.Ref, v, depth+1)
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
			if num, ok := new(big.Rat).SetString(fmt.Sprint(v)); ok && num.IsInt() {
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
		x, ok1 := new(big.Rat).SetString(fmt.Sprint(a))
		y, ok2 := new(big.Rat).SetString(fmt.Sprint(b))
		return ok1 && ok2 && x.Cmp(y) == 0
	}
	return a == b
}
