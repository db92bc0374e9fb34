package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// sourceTypes are the CreateService source types
// (docs/sources.md#source-types).
var sourceTypes = []string{"MSE_NACOS", "K8S", "VIP", "DNS", "FC3", "SAE_K8S_SERVICE", "AI", "AGENT"}

// sourceType returns the definition's sourceType and its node; "" when
// absent or not a known type (which the schema reports). Matched ignoring
// case, although the schema asks for the documented spelling, so that a
// wrong case gives one diagnostic, not one per service.
func sourceType(root *source.Node) (string, *source.Node) {
	n := root.Get("sourceType")
	return enumOf(n, sourceTypes...), n
}

// serviceItems returns the serviceConfigs items that are objects.
func serviceItems(root *source.Node) []*source.Node {
	var out []*source.Node
	for _, it := range items(root.Get("serviceConfigs")) {
		if it.Kind == source.Object {
			out = append(out, it)
		}
	}
	return out
}

// serviceLabel names a serviceConfigs item in a message.
func serviceLabel(it *source.Node) string {
	if name := it.Str("name"); name != "" {
		return "service " + quote(name)
	}
	return "this service"
}

// requireForSource reports every serviceConfigs item without key when the
// source type is one of types.
func requireForSource(c *Context, key, what string, types ...string) {
	st, stNode := sourceType(c.Root)
	applies := false
	for _, t := range types {
		applies = applies || st == t
	}
	if !applies {
		return
	}
	for _, it := range serviceItems(c.Root) {
		if has(c, it, key) {
			continue
		}
		var d *diag.Diagnostic
		if v := it.Get(key); v != nil {
			d = c.ReportNode(v, "%s leaves %s empty; sourceType %s needs %s", serviceLabel(it), key, st, what)
		} else {
			d = c.Report(itemAt(it), it.Pointer, "%s has no %s; sourceType %s needs %s", serviceLabel(it), key, st, what)
		}
		c.Related(d, stNode.Range, "sourceType "+st)
	}
}

// onlyForSource reports key on every serviceConfigs item when the source
// type is known and not one of types.
func onlyForSource(c *Context, key, meaning string, types ...string) {
	st, stNode := sourceType(c.Root)
	if st == "" {
		return
	}
	for _, t := range types {
		if st == t {
			return
		}
	}
	for _, it := range serviceItems(c.Root) {
		v := it.Get(key)
		if !present(v) {
			continue
		}
		d := c.ReportKey(v, "%s (%s) is set, but sourceType is %s, so it is ignored: remove it, or use sourceType %s", key, meaning, st, joinOr(types))
		c.Related(d, stNode.Range, "sourceType "+st)
	}
}

func joinOr(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := s[0]
	for i := 1; i < len(s)-1; i++ {
		out += ", " + s[i]
	}
	return out + " or " + s[len(s)-1]
}
