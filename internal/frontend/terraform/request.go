package terraform

import (
	"bytes"
	"math"
	"math/big"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Request builds the request the provider sends for one resource, in
// request-parameter terms (CreateApi for alicloud_api_gateway_api,
// CreateService for alicloud_apig_service), as the provider builds it
// (resource_alicloud_api_gateway_api.go buildAliyunApiArgs and the
// *ServiceConfig helpers; docs/sources.md#terraform-provider):
//   - what the user wrote is placed at its position in the .tf file;
//   - a value not known before apply is a node with Symbol set;
//   - a value the provider adds by itself (ServiceProtocol, Mock, …) is a
//     node with Implicit set, placed at the argument that implies it, so
//     that rules can reason about it but never report it.
//
// Values the provider sends only to fill its JSON structs (empty
// strings, an empty FunctionComputeConfig) are left out: they are not
// the user's, and the gateway treats them as absent.
// It returns nil for a resource type that maps to no operation.
func (m *Module) Request(rb *ResourceBlock) (op string, root *source.Node) {
	insts := m.Requests(rb)
	if len(insts) == 0 {
		return "", nil
	}
	return insts[0].Op, insts[0].Root
}

// Instance is the request of one instance of a resource.
type Instance struct {
	Key  string // the count or for_each key, "" for a single instance or a template
	Op   string
	Root *source.Node
}

// maxInstances bounds the expansion of count and for_each; a larger
// resource is checked once as a template.
const maxInstances = 64

// Requests builds the requests of a resource: one per instance when count
// or for_each is known (each.key, each.value and count.index then have
// their values), else one template in which they are symbolic.
func (m *Module) Requests(rb *ResourceBlock) []Instance {
	base := &hclArgs{m: m, dir: moduleDir(rb.DefRange.Filename), body: rb.Body, def: rb.DefRange,
		res: rb.Schema, where: rb.Type + "." + rb.Name}
	one := func(h *hclArgs, key string) []Instance {
		op, root := (&builder{}).build(rb.Type, h)
		if root == nil {
			return nil
		}
		return []Instance{{Key: key, Op: op, Root: root}}
	}
	var out []Instance
	if a := rb.Body.Attrs["for_each"]; a != nil {
		v := m.Eval(a.Expr)
		if !v.IsWhollyKnown() || v.IsNull() || !(v.CanIterateElements()) || v.LengthInt() > maxInstances {
			return one(base, "")
		}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if v.Type().IsSetType() || v.Type().IsListType() || v.Type().IsTupleType() {
				k = e
			}
			key := k.GoString()
			if k.Type() == cty.String {
				key = k.AsString()
			}
			h := *base
			h.extra = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": k, "value": e})}
			h.inst = "[" + key + "]"
			out = append(out, one(&h, key)...)
		}
		return out
	}
	if a := rb.Body.Attrs["count"]; a != nil {
		v := m.Eval(a.Expr)
		var n int
		if !v.IsWhollyKnown() || v.IsNull() || !v.Type().Equals(cty.Number) || gocty.FromCtyValue(v, &n) != nil || n < 0 || n > maxInstances {
			return one(base, "")
		}
		for i := 0; i < n; i++ {
			h := *base
			h.extra = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})}
			h.inst = "[" + strconv.Itoa(i) + "]"
			out = append(out, one(&h, strconv.Itoa(i))...)
		}
		return out
	}
	return one(base, "")
}

func (b *builder) build(typ string, a args) (op string, root *source.Node) {
	switch typ {
	case APIResource.Type:
		root = b.api(a)
		op = "CreateApi"
	case ServiceResource.Type:
		root = b.service(a)
		op = "CreateService"
	default:
		return "", nil
	}
	root.SetPointers("")
	return op, root
}

// args is where a resource's arguments come from: the HCL configuration,
// or the values of a plan.
type args interface {
	// value is the node of an argument converted to kind, nil when the
	// argument is not given (or null); name is also the key's raw name.
	value(name string, kind argKind) *source.Node
	// blocks are the nested blocks of a type, in order.
	blocks(typ string) []args
	// at is where the resource or block starts.
	at() diag.Range
	// missing is the placeholder of a required argument that is not
	// given (already reported by the front-end), nil when name is
	// optional: the schema must not report it a second time.
	missing(name string) *source.Node
}

type builder struct{}

// hclArgs reads arguments from a module's configuration.
type hclArgs struct {
	m     *Module
	dir   string
	body  *Body
	def   hcl.Range
	res   *Resource // the resource's schema, or
	block *Block    // the block's
	where string    // the resource's address, for placeholders
	// extra are each or count for one instance; inst names the instance
	// in symbols that depend on it.
	extra map[string]cty.Value
	inst  string
}

func (h *hclArgs) arg(name string) *Arg {
	if h.block != nil {
		return h.block.arg(name)
	}
	if h.res != nil {
		return h.res.arg(name)
	}
	return nil
}

func (h *hclArgs) missing(name string) *source.Node {
	if a := h.body.Attrs[name]; a != nil && a.Legacy {
		// A block written as an argument whose value is not an object
		// literal (a variable, a function): its content is unknown.
		r := h.rng(a.Expr.Range())
		return symNode(source.Node{Kind: source.Object, Range: r, KeyRange: h.rng(a.NameRange)}, h.symbol(a.Expr))
	}
	required := false
	if a := h.arg(name); a != nil {
		required = a.Required
	} else if h.res != nil {
		if b := h.res.block(name); b != nil {
			required = b.Required && len(h.body.Blocks[name]) == 0
		}
	}
	if !required {
		return nil
	}
	if _, given := h.body.Attrs[name]; given {
		return nil
	}
	at := h.at()
	return symNode(source.Node{Kind: source.String, Range: at, KeyRange: at}, facts.Symbolic("missing "+name+" of "+h.where+h.inst+" in "+h.dir, ""))
}

func (h *hclArgs) at() diag.Range { return h.rng(h.def) }

func (h *hclArgs) blocks(typ string) []args {
	var out []args
	var bl *Block
	if h.res != nil {
		bl = h.res.block(typ)
	}
	for _, nb := range h.body.Blocks[typ] {
		c := *h
		c.body, c.def, c.res, c.block = nb.Body, nb.DefRange, nil, bl
		out = append(out, &c)
	}
	return out
}

func (h *hclArgs) value(name string, kind argKind) *source.Node {
	a := h.body.Attrs[name]
	if a == nil || a.Legacy {
		return nil
	}
	n := h.expr(a.Expr, kind)
	if n != nil {
		n.KeyRange = h.rng(a.NameRange)
	}
	return n
}

func moduleDir(file string) string {
	d := path.Dir(file)
	if d == "" {
		return "."
	}
	return d
}

func obj(r diag.Range) *source.Node { return &source.Node{Kind: source.Object, Range: r} }

func (h *hclArgs) rng(r hcl.Range) diag.Range { return h.m.Range(r) }

// Range turns an HCL range into apigwlint's.
func (m *Module) Range(r hcl.Range) diag.Range {
	return diag.Range{Start: m.pos(r.Filename, r.Start), End: m.pos(r.Filename, r.End)}
}

// pos turns an HCL position (whose column counts grapheme clusters) into
// apigwlint's (a column counts characters), from the byte offset.
func (m *Module) pos(file string, p hcl.Pos) diag.Pos {
	data := m.Files[file]
	if p.Byte < 0 || p.Byte > len(data) {
		return diag.Pos{Line: p.Line, Col: p.Column}
	}
	start := p.Byte
	for start > 0 && data[start-1] != '\n' {
		start--
	}
	return diag.Pos{Line: p.Line, Col: utf8.RuneCount(data[start:p.Byte]) + 1}
}

// set adds key = the value of argument name, converted to kind; nothing
// when the argument is not given or is null.
func set(o *source.Node, key string, a args, name string, kind argKind) *source.Node {
	if a == nil {
		return nil
	}
	n := a.value(name, kind)
	if n == nil {
		if n = a.missing(name); n == nil {
			return nil
		}
	}
	o.Fields = append(o.Fields, &source.Field{Key: key, RawKey: name, KeyRange: n.KeyRange, Value: n})
	return n
}

// implicit adds a value the provider sends by itself, placed at r.
func implicit(o *source.Node, key, value string, kind source.Kind, r diag.Range) {
	n := &source.Node{Kind: kind, Value: value, Range: r, KeyRange: r, Implicit: true}
	o.Fields = append(o.Fields, &source.Field{Key: key, RawKey: key, KeyRange: r, Value: n})
}

// value is an expression's node: known values converted as the provider's
// schema converts them, anything else symbolic.
func (h *hclArgs) expr(expr hcl.Expression, kind argKind) *source.Node {
	r := h.rng(expr.Range())
	v := evalIn(h.m.ctx, expr, h.extra)
	if !v.IsWhollyKnown() {
		return symNode(source.Node{Kind: source.String, Range: r}, h.symbol(expr))
	}
	if v.IsNull() {
		return nil
	}
	n := ctyNode(v, kind, r)
	n.Computed = !h.literal(expr)
	return n
}

// literal reports whether an expression is a value written as it is (a
// number, a bool, a string without interpolation), whose text maps to the
// value character by character.
func (h *hclArgs) literal(expr hcl.Expression) bool {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return true
	case *hclsyntax.TemplateExpr:
		return e.IsStringLiteral()
	case *hclsyntax.TemplateWrapExpr, *hclsyntax.ScopeTraversalExpr, *hclsyntax.FunctionCallExpr:
		return false
	}
	if _, native := expr.(hclsyntax.Expression); native {
		return false
	}
	// JSON syntax: a string is a template; one without ${ or %{ is
	// literal.
	if len(expr.Variables()) > 0 {
		return false
	}
	r := expr.Range()
	src := h.m.Files[r.Filename]
	if r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return false
	}
	text := src[r.Start.Byte:r.End.Byte]
	return !bytes.Contains(text, []byte("${")) && !bytes.Contains(text, []byte("%{"))
}

// ctyNode converts a known value as the provider's schema converts it.
func ctyNode(v cty.Value, kind argKind, r diag.Range) *source.Node {
	if v.Type() == cty.Number && hugeNumber(v.AsBigFloat()) {
		// 1e999999999 written as a decimal string (what a conversion to
		// string does) is a gigabyte: keep it a number, in short form.
		return &source.Node{Kind: source.Number, Value: numberText(v.AsBigFloat()), Range: r}
	}
	want := cty.String
	switch kind {
	case argInt:
		want = cty.Number
	case argBool:
		want = cty.Bool
	case argStringSet:
		want = cty.List(cty.String)
	}
	if cv, err := convert.Convert(v, want); err == nil {
		v = cv
	}
	return node(v, r)
}

func node(v cty.Value, r diag.Range) *source.Node {
	if v.IsNull() {
		return &source.Node{Kind: source.Null, Range: r}
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return &source.Node{Kind: source.String, Value: v.AsString(), Range: r}
	case t == cty.Number:
		return &source.Node{Kind: source.Number, Value: numberText(v.AsBigFloat()), Range: r}
	case t == cty.Bool:
		s := "false"
		if v.True() {
			s = "true"
		}
		return &source.Node{Kind: source.Bool, Value: s, Range: r}
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		n := &source.Node{Kind: source.Array, Range: r}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n.Items = append(n.Items, node(e, r))
		}
		return n
	case t.IsMapType() || t.IsObjectType():
		n := obj(r)
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			n.Fields = append(n.Fields, &source.Field{Key: k.AsString(), RawKey: k.AsString(), KeyRange: r, Value: node(e, r)})
		}
		return n
	}
	return symNode(source.Node{Kind: source.String, Range: r}, "tf:"+t.FriendlyName())
}

// hugeNumber: a number whose exponent is far outside float64's range.
func hugeNumber(f *big.Float) bool {
	exp := f.MantExp(nil)
	return exp > 1100 || exp < -1100
}

func numberText(f *big.Float) string {
	if hugeNumber(f) {
		// Its decimal digits would cost as much as the number is long:
		// an approximation, from the binary exponent.
		mant := new(big.Float)
		exp := f.MantExp(mant)
		m, _ := mant.Float64()
		l := math.Log10(math.Abs(m)) + float64(exp)*math.Log10(2)
		d := math.Floor(l)
		return strconv.FormatFloat(math.Copysign(math.Pow(10, l-d), m), 'g', 6, 64) + "e" + strconv.FormatInt(int64(d), 10)
	}
	if f.IsInt() {
		i, _ := f.Int(nil)
		return i.String()
	}
	return f.Text('g', -1)
}

// symbol names an unknown value so that equal expressions are equal keys:
// a reference to a group resource's id is that group (module directory +
// address), anything else is its expression text within the module (and
// the instance, when it depends on each or count).
func (h *hclArgs) symbol(expr hcl.Expression) string {
	vars := expr.Variables()
	if len(vars) == 1 {
		t := vars[0]
		if len(t) == 3 && t.RootName() == GroupResource.Type {
			name, ok1 := t[1].(hcl.TraverseAttr)
			id, ok2 := t[2].(hcl.TraverseAttr)
			if ok1 && ok2 && id.Name == "id" {
				ref := GroupResource.Type + "." + name.Name
				return facts.Symbolic(ref+" in "+h.dir, ref)
			}
		}
	}
	inst := ""
	for _, t := range vars {
		if root := t.RootName(); root == "each" || root == "count" {
			inst = h.inst
		}
	}
	r := expr.Range()
	data := h.m.Files[r.Filename]
	text := ""
	if r.Start.Byte >= 0 && r.End.Byte <= len(data) && r.Start.Byte <= r.End.Byte {
		text = string(data[r.Start.Byte:r.End.Byte])
	}
	text = strings.Join(strings.Fields(text), " ")
	if len(text) > 200 {
		text = text[:200] + "…"
	}
	if strings.HasPrefix(text, "\"${") && strings.HasSuffix(text, "}\"") && strings.Count(text, "${") == 1 {
		text = text[3 : len(text)-2]
	}
	return facts.Symbolic(text+inst+facts.QualSep+" in "+h.dir, "")
}

// first is the first block of a type (the template of a dynamic one).
func first(a args, typ string) args {
	if bs := a.blocks(typ); len(bs) > 0 {
		return bs[0]
	}
	return nil
}

func (b *builder) api(a args) *source.Node {
	root := obj(a.at())
	set(root, "GroupId", a, "group_id", argString)
	set(root, "ApiName", a, "name", argString)
	set(root, "Description", a, "description", argString)
	set(root, "AuthType", a, "auth_type", argString)
	// Not expressible in Terraform; the provider always sends PRIVATE.
	implicit(root, "Visibility", "PRIVATE", source.String, root.Range)
	if n := root.Get("AuthType"); n != nil && n.Symbol() == "" && n.Value == "APPOPENID" {
		// The provider has no argument for OpenIdConnectConfig: nothing
		// the user can add to the resource, so nothing to report here.
		o := symNode(source.Node{Kind: source.Object, Range: n.Range, KeyRange: n.Range}, facts.Symbolic("OpenIdConnectConfig, which Terraform cannot set", ""))
		root.Fields = append(root.Fields, &source.Field{Key: "OpenIdConnectConfig", RawKey: "OpenIdConnectConfig", KeyRange: n.Range, Value: o})
	}
	// Sent only when true (GetOk).
	if n := a.value("force_nonce_check", argBool); n != nil && (n.Symbol() != "" || n.Value == "true") {
		set(root, "ForceNonceCheck", a, "force_nonce_check", argBool)
	}
	if rc := first(a, "request_config"); rc != nil {
		n := obj(rc.at())
		set(n, "RequestProtocol", rc, "protocol", argString)
		set(n, "RequestHttpMethod", rc, "method", argString)
		set(n, "RequestPath", rc, "path", argString)
		set(n, "RequestMode", rc, "mode", argString)
		set(n, "BodyFormat", rc, "body_format", argString)
		root.Fields = append(root.Fields, &source.Field{Key: "RequestConfig", RawKey: "request_config", KeyRange: n.Range, Value: n})
	} else if n := a.missing("request_config"); n != nil {
		n.Kind = source.Object
		root.Fields = append(root.Fields, &source.Field{Key: "RequestConfig", RawKey: "request_config", KeyRange: n.KeyRange, Value: n})
	}
	if sc := b.serviceConfig(a); sc != nil {
		root.Fields = append(root.Fields, &source.Field{Key: "ServiceConfig", RawKey: "service_type", KeyRange: sc.Range, Value: sc})
	}
	b.parameters(root, a)
	if a.value("backend_enabled", argBool) != nil {
		set(root, "BackendEnable", a, "backend_enabled", argBool)
		set(root, "BackendId", a, "backend_id", argString)
	}
	return root
}

// serviceConfig builds ServiceConfig from the block service_type picks;
// the other *_service_config blocks are ignored by the provider.
func (b *builder) serviceConfig(a args) *source.Node {
	st := a.value("service_type", argString)
	if st == nil {
		if n := a.missing("service_type"); n != nil {
			n.Kind = source.Object
			return n
		}
		return nil
	}
	if st.Symbol() != "" {
		// Not known: the service config could be any of the blocks.
		return symNode(source.Node{Kind: source.Object, Range: st.Range, KeyRange: st.KeyRange}, st.Symbol())
	}
	if st.Kind != source.String {
		return nil
	}
	at := st.Range
	sc := obj(at)
	switch st.Value {
	case "HTTP":
		blk := first(a, "http_service_config")
		if blk == nil {
			return blockMissing(a, "http_service_config", at)
		}
		implicit(sc, "ServiceProtocol", "HTTP", source.String, at)
		set(sc, "ServiceAddress", blk, "address", argString)
		httpCommon(sc, blk)
		implicit(sc, "Mock", "FALSE", source.String, at)
		implicit(sc, "ServiceVpcEnable", "FALSE", source.String, at)
	case "HTTP-VPC":
		blk := first(a, "http_vpc_service_config")
		if blk == nil {
			return blockMissing(a, "http_vpc_service_config", at)
		}
		implicit(sc, "ServiceProtocol", "HTTP", source.String, at)
		httpCommon(sc, blk)
		vpc := obj(blk.at())
		set(vpc, "Name", blk, "name", argString)
		set(vpc, "VpcScheme", blk, "vpc_scheme", argString)
		sc.Fields = append(sc.Fields, &source.Field{Key: "VpcConfig", RawKey: "http_vpc_service_config", KeyRange: vpc.Range, Value: vpc})
		implicit(sc, "ServiceVpcEnable", "TRUE", source.String, at)
		implicit(sc, "Mock", "FALSE", source.String, at)
	case "FunctionCompute":
		blk := first(a, "fc_service_config")
		if blk == nil {
			return blockMissing(a, "fc_service_config", at)
		}
		implicit(sc, "ServiceProtocol", "FunctionCompute", source.String, at)
		set(sc, "ServiceTimeout", blk, "timeout", argInt)
		fc := obj(blk.at())
		set(fc, "FcRegionId", blk, "region", argString)
		set(fc, "RoleArn", blk, "arn_role", argString)
		if set(fc, "FcVersion", blk, "function_version", argString) == nil {
			implicit(fc, "FcVersion", "2.0", source.String, fc.Range)
		}
		set(fc, "FcType", blk, "function_type", argString)
		set(fc, "FunctionName", blk, "function_name", argString)
		set(fc, "ServiceName", blk, "service_name", argString)
		set(fc, "FcBaseUrl", blk, "function_base_url", argString)
		set(fc, "Path", blk, "path", argString)
		set(fc, "Method", blk, "method", argString)
		set(fc, "OnlyBusinessPath", blk, "only_business_path", argBool)
		set(fc, "Qualifier", blk, "qualifier", argString)
		set(fc, "ContentTypeCatagory", blk, "content_type_category", argString)
		set(fc, "ContentTypeValue", blk, "content_type_value", argString)
		sc.Fields = append(sc.Fields, &source.Field{Key: "FunctionComputeConfig", RawKey: "fc_service_config", KeyRange: fc.Range, Value: fc})
	case "MOCK":
		blk := first(a, "mock_service_config")
		if blk == nil {
			return blockMissing(a, "mock_service_config", at)
		}
		implicit(sc, "ServiceProtocol", "HTTP", source.String, at)
		implicit(sc, "Mock", "TRUE", source.String, at)
		implicit(sc, "ServiceHttpMethod", "GET", source.String, at)
		implicit(sc, "ServiceTimeout", "30", source.Number, at)
		implicit(sc, "ServiceAddress", "http://www.aliyun.com", source.String, at)
		set(sc, "MockResult", blk, "result", argString)
		set(sc, "AoneAppName", blk, "aone_name", argString)
	default:
		// Not a service type the provider knows (reported by the
		// front-end): it sends no ServiceConfig at all.
		return blockMissing(a, "service_type", at)
	}
	return sc
}

func httpCommon(sc *source.Node, a args) {
	set(sc, "ServicePath", a, "path", argString)
	set(sc, "ServiceHttpMethod", a, "method", argString)
	set(sc, "ServiceTimeout", a, "timeout", argInt)
	set(sc, "AoneAppName", a, "aone_name", argString)
	set(sc, "ContentTypeCatagory", a, "content_type_category", argString)
	set(sc, "ContentTypeValue", a, "content_type_value", argString)
}

// parameters builds the three parameter lists as the provider does: every
// request_parameters, constant_parameters and system_parameters block adds
// one item to RequestParameters, ServiceParameters and ServiceParametersMap
// (the provider never sends ConstantParameters or SystemParameters).
func (b *builder) parameters(root *source.Node, a args) {
	reqs := &source.Node{Kind: source.Array}
	svcs := &source.Node{Kind: source.Array}
	maps := &source.Node{Kind: source.Array}
	add := func(blk args, catalog string) {
		at := blk.at()
		req, svc, mp := obj(at), obj(at), obj(at)
		switch catalog {
		case "REQUEST":
			set(req, "ApiParameterName", blk, "name", argString)
			set(req, "ParameterType", blk, "type", argString)
			set(req, "Required", blk, "required", argString)
			set(req, "Location", blk, "in", argString)
			set(req, "Description", blk, "description", argString)
			set(req, "DefaultValue", blk, "default_value", argString)
			set(svc, "ServiceParameterName", blk, "name_service", argString)
			set(svc, "Location", blk, "in_service", argString)
			set(svc, "ParameterType", blk, "type", argString)
			set(mp, "RequestParameterName", blk, "name", argString)
			set(mp, "ServiceParameterName", blk, "name_service", argString)
		case "CONSTANT":
			set(req, "ApiParameterName", blk, "name", argString)
			implicit(req, "Required", "REQUIRED", source.String, at)
			set(req, "Location", blk, "in", argString)
			implicit(req, "ParameterType", "String", source.String, at)
			set(req, "Description", blk, "description", argString)
			set(req, "DefaultValue", blk, "value", argString)
			set(svc, "ServiceParameterName", blk, "name", argString)
			set(svc, "Location", blk, "in", argString)
			set(mp, "RequestParameterName", blk, "name", argString)
			set(mp, "ServiceParameterName", blk, "name", argString)
		case "SYSTEM":
			set(req, "ApiParameterName", blk, "name", argString)
			set(req, "Location", blk, "in", argString)
			implicit(req, "Required", "REQUIRED", source.String, at)
			implicit(req, "ParameterType", "String", source.String, at)
			set(svc, "ServiceParameterName", blk, "name_service", argString)
			set(svc, "Location", blk, "in", argString)
			implicit(svc, "ParameterType", "String", source.String, at)
			set(mp, "RequestParameterName", blk, "name", argString)
			set(mp, "ServiceParameterName", blk, "name_service", argString)
		}
		implicit(svc, "ParameterCatalog", catalog, source.String, at)
		reqs.Items = append(reqs.Items, req)
		svcs.Items = append(svcs.Items, svc)
		maps.Items = append(maps.Items, mp)
	}
	for _, kind := range []struct{ block, catalog string }{
		{"request_parameters", "REQUEST"}, {"constant_parameters", "CONSTANT"}, {"system_parameters", "SYSTEM"},
	} {
		for _, blk := range a.blocks(kind.block) {
			add(blk, kind.catalog)
		}
	}
	if len(reqs.Items) == 0 {
		return
	}
	for _, l := range []struct {
		key string
		n   *source.Node
	}{{"RequestParameters", reqs}, {"ServiceParameters", svcs}, {"ServiceParametersMap", maps}} {
		l.n.Range = l.n.Items[0].Range
		root.Fields = append(root.Fields, &source.Field{Key: l.key, RawKey: l.key, KeyRange: l.n.Range, Value: l.n})
	}
}

func (b *builder) service(a args) *source.Node {
	root := obj(a.at())
	set(root, "gatewayId", a, "gateway_id", argString)
	set(root, "sourceType", a, "source_type", argString)
	set(root, "resourceGroupId", a, "resource_group_id", argString)
	cfg := obj(a.at())
	set(cfg, "name", a, "service_name", argString)
	set(cfg, "namespace", a, "namespace", argString)
	set(cfg, "qualifier", a, "qualifier", argString)
	set(cfg, "expressType", a, "express_type", argString)
	set(cfg, "addresses", a, "addresses", argStringSet)
	set(cfg, "dnsServers", a, "dns_servers", argStringSet)
	list := &source.Node{Kind: source.Array, Range: cfg.Range, Items: []*source.Node{cfg}}
	root.Fields = append(root.Fields, &source.Field{Key: "serviceConfigs", RawKey: "serviceConfigs", KeyRange: cfg.Range, Value: list})
	return root
}

// blockMissing stands for the service config of a service_type whose block
// is not given: the provider fails at apply ("http_service_config is
// null"), which the front-end reports; the schema must not add to it. A
// block written as an argument (Terraform 0.11) is unknown.
func blockMissing(a args, typ string, at diag.Range) *source.Node {
	if n := a.missing(typ); n != nil {
		return n
	}
	return symNode(source.Node{Kind: source.Object, Range: at, KeyRange: at}, facts.Symbolic("missing "+typ, ""))
}

// symNode returns n marked as not known statically, named sym.
func symNode(n source.Node, sym string) *source.Node {
	n.SetSymbol(sym)
	return &n
}
