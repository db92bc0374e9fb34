package terraform

import (
	"bytes"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/source"
)

// A plan is the JSON that `terraform show -json PLANFILE` prints
// (developer.hashicorp.com/terraform/internals/json-format;
// docs/sources.md#terraform-plan-json). Its values are resolved — the
// variables only the pipeline knows included — and what is unknown before
// apply is marked in after_unknown. It holds no file names or positions:
// findings point into the plan file itself.

// IsPlan reports whether a JSON document's head looks like a plan: it has
// format_version and planned_values or resource_changes at the top.
func IsPlan(root *source.Node) bool {
	if root == nil || root.Kind != source.Object || root.Get("format_version") == nil {
		return false
	}
	return root.Get("resource_changes") != nil || root.Get("planned_values") != nil
}

// MayBePlan is a cheap test on a file's first bytes.
func MayBePlan(head []byte) bool {
	return bytes.Contains(head, []byte(`"format_version"`))
}

// PlanResource is one resource instance of a plan that apigwlint checks.
type PlanResource struct {
	Address string // module.a.alicloud_api_gateway_api.x["k"]
	Type    string
	Op      string
	Root    *source.Node
}

// PlanRequests builds a request for every resource instance of the three
// types the plan creates or keeps (resource_changes; without them,
// planned_values). Deleted and read-only instances are left out.
func PlanRequests(plan *source.Node) []PlanResource {
	var out []PlanResource
	add := func(addr, typ string, values, unknown *source.Node, strict bool, refs *source.Node) {
		if Resources[typ] == nil || values == nil || values.Kind != source.Object {
			return
		}
		pa := &planArgs{values: values, unknown: unknown, addr: addr, lenient: !strict, refs: refs, schema: Resources[typ]}
		op, root := (&builder{}).build(typ, pa)
		if root == nil {
			return
		}
		out = append(out, PlanResource{Address: addr, Type: typ, Op: op, Root: root})
	}
	config := plan.Lookup("/configuration/root_module")
	if rcs := plan.Get("resource_changes"); rcs != nil && rcs.Kind == source.Array {
		for _, rc := range rcs.Items {
			if rc.Str("mode") != "managed" || !createsOrKeeps(rc.Lookup("/change/actions")) {
				continue
			}
			add(rc.Str("address"), rc.Str("type"), rc.Lookup("/change/after"), rc.Lookup("/change/after_unknown"), true,
				configExpressions(config, rc.Str("module_address"), rc.Str("type"), rc.Str("name")))
		}
		return out
	}
	var walk func(mod *source.Node)
	walk = func(mod *source.Node) {
		if mod == nil {
			return
		}
		if rs := mod.Get("resources"); rs != nil {
			for _, r := range rs.Items {
				if r.Str("mode") == "managed" {
					add(r.Str("address"), r.Str("type"), r.Get("values"), nil, false,
						configExpressions(config, mod.Str("address"), r.Str("type"), r.Str("name")))
				}
			}
		}
		if cs := mod.Get("child_modules"); cs != nil {
			for _, c := range cs.Items {
				walk(c)
			}
		}
	}
	walk(plan.Lookup("/planned_values/root_module"))
	return out
}

func createsOrKeeps(actions *source.Node) bool {
	if actions == nil || actions.Kind != source.Array {
		return false
	}
	for _, a := range actions.Items {
		switch a.Scalar() {
		case "create", "update", "no-op":
			return true
		}
	}
	return false
}

// configExpressions finds the expressions of a resource in the plan's
// configuration section (module_calls.*.module nest the modules).
func configExpressions(root *source.Node, moduleAddr, typ, name string) *source.Node {
	mod := root
	if moduleAddr != "" {
		for _, part := range strings.Split(moduleAddr, ".") {
			if part == "module" || mod == nil {
				continue
			}
			if i := strings.IndexByte(part, '['); i >= 0 {
				part = part[:i]
			}
			mod = mod.Lookup("/module_calls/" + source.EscapePointer(part) + "/module")
		}
	}
	if mod == nil {
		return nil
	}
	if rs := mod.Get("resources"); rs != nil {
		for _, r := range rs.Items {
			if r.Str("type") == typ && r.Str("name") == name {
				return r.Get("expressions")
			}
		}
	}
	return nil
}

// planArgs reads arguments from a plan's values.
type planArgs struct {
	values  *source.Node
	unknown *source.Node // after_unknown, parallel to values; nil when not known
	refs    *source.Node // the configuration's expressions, for symbolic keys
	addr    string
	schema  *Resource
	block   *Block
	// lenient: planned_values leave unknown values out, so an absent
	// required argument is taken as unknown rather than missing.
	lenient bool
}

func (p *planArgs) at() diag.Range { return p.values.Range }

// missing: a plan has no missing arguments (Terraform validated it; an
// unknown one is symbolic already).
func (p *planArgs) missing(string) *source.Node { return nil }

func (p *planArgs) blocks(typ string) []args {
	v := p.values.Get(typ)
	if v == nil || v.Kind != source.Array {
		return nil
	}
	var bl *Block
	if p.schema != nil {
		bl = p.schema.block(typ)
	}
	var out []args
	for i, it := range v.Items {
		if it.Kind != source.Object {
			continue
		}
		var u *source.Node
		if uv := p.unknown.Get(typ); uv != nil && uv.Kind == source.Array && i < len(uv.Items) {
			u = uv.Items[i]
		}
		out = append(out, &planArgs{values: it, unknown: u, addr: p.addr, block: bl, lenient: p.lenient})
	}
	return out
}

func (p *planArgs) arg(name string) *Arg {
	if p.block != nil {
		return p.block.arg(name)
	}
	if p.schema != nil {
		return p.schema.arg(name)
	}
	return nil
}

func (p *planArgs) required(name string) bool {
	if p.block != nil {
		a := p.block.arg(name)
		return a != nil && a.Required
	}
	if p.schema != nil {
		a := p.schema.arg(name)
		return a != nil && a.Required
	}
	return false
}

func (p *planArgs) value(name string, kind argKind) *source.Node {
	v := p.values.Get(name)
	if u := p.unknown.Get(name); u.IsTrue() || (v == nil && p.lenient && p.required(name)) {
		if a := p.arg(name); a != nil && a.Computed && v == nil {
			// Computed by the provider, not written by the user.
			return nil
		}
		at := p.values.Range
		if f := p.values.Field(name); f != nil {
			at = f.KeyRange
		}
		return symNode(source.Node{Kind: source.String, Range: at, KeyRange: at}, p.symbol(name))
	}
	if v == nil || v.Kind == source.Null {
		return nil
	}
	n := *v
	switch {
	case kind == argString && (v.Kind == source.Number || v.Kind == source.Bool):
		n.Kind = source.String
	case kind == argInt && v.Kind == source.String:
		n.Kind = source.Number
	}
	n.KeyRange = p.values.Field(name).KeyRange
	return &n
}

// symbol names an unknown value: the configuration's reference when it
// has one (so a group resource is a group key), else the address and name.
func (p *planArgs) symbol(name string) string {
	if refs := p.refs.Lookup("/" + source.EscapePointer(name) + "/references"); refs != nil {
		for _, r := range refs.Items {
			s := r.Scalar()
			if strings.HasPrefix(s, GroupResource.Type+".") && strings.Count(s, ".") == 1 {
				where := "the root module"
				if mod := moduleOf(p.addr); mod != "" {
					where = mod
				}
				return facts.Symbolic(s+" of "+where+" (plan)", s)
			}
		}
	}
	return facts.Symbolic(name+" of "+p.addr+" (plan)", "")
}

// moduleOf is the module part of a resource address ("" for the root).
func moduleOf(addr string) string {
	parts := splitAddress(addr)
	var mod []string
	for i := 0; i+1 < len(parts) && parts[i] == "module"; i += 2 {
		mod = append(mod, "module", parts[i+1])
	}
	return strings.Join(mod, ".")
}

// splitAddress splits an address at dots outside brackets and quotes.
func splitAddress(addr string) []string {
	var parts []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(addr); i++ {
		switch c := addr[i]; {
		case c == '"' && (i == 0 || addr[i-1] != '\\'):
			quoted = !quoted
		case quoted:
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '.' && depth == 0:
			parts = append(parts, addr[start:i])
			start = i + 1
		}
	}
	return append(parts, addr[start:])
}
