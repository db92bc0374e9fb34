package terraform

import (
	"math/big"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/apigwlint/apigwlint/internal/diag"
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
	b := &builder{m: m, dir: moduleDir(rb.DefRange.Filename)}
	switch rb.Type {
	case APIResource.Type:
		root = b.api(rb)
		op = "CreateApi"
	case ServiceResource.Type:
		root = b.service(rb)
		op = "CreateService"
	default:
		return "", nil
	}
	root.SetPointers("")
	return op, root
}

type builder struct {
	m   *Module
	dir string
}

func moduleDir(file string) string {
	d := path.Dir(file)
	if d == "" {
		return "."
	}
	return d
}

func obj(r diag.Range) *source.Node { return &source.Node{Kind: source.Object, Range: r} }

func (b *builder) rng(r hcl.Range) diag.Range {
	return diag.Range{Start: b.pos(r.Filename, r.Start), End: b.pos(r.Filename, r.End)}
}

// pos turns an HCL position (whose column counts grapheme clusters) into
// apigwlint's (a column counts characters), from the byte offset.
func (b *builder) pos(file string, p hcl.Pos) diag.Pos {
	data := b.m.Files[file]
	if p.Byte < 0 || p.Byte > len(data) {
		return diag.Pos{Line: p.Line, Col: p.Column}
	}
	start := p.Byte
	for start > 0 && data[start-1] != '\n' {
		start--
	}
	return diag.Pos{Line: p.Line, Col: utf8.RuneCount(data[start:p.Byte]) + 1}
}

// set adds key = the value of attribute name of body, converted to kind;
// nothing when the argument is not written or is null.
func (b *builder) set(o *source.Node, key string, body *Body, name string, kind argKind) *source.Node {
	if body == nil {
		return nil
	}
	a := body.Attrs[name]
	if a == nil || a.Legacy {
		return nil
	}
	n := b.value(a.Expr, kind)
	if n == nil {
		return nil
	}
	n.KeyRange = b.rng(a.NameRange)
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
func (b *builder) value(expr hcl.Expression, kind argKind) *source.Node {
	r := b.rng(expr.Range())
	v := b.m.Eval(expr)
	if !v.IsWhollyKnown() {
		return &source.Node{Kind: source.String, Range: r, Symbol: b.symbol(expr)}
	}
	if v.IsNull() {
		return nil
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
	return b.node(v, r)
}

func (b *builder) node(v cty.Value, r diag.Range) *source.Node {
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
			n.Items = append(n.Items, b.node(e, r))
		}
		return n
	case t.IsMapType() || t.IsObjectType():
		n := obj(r)
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			n.Fields = append(n.Fields, &source.Field{Key: k.AsString(), RawKey: k.AsString(), KeyRange: r, Value: b.node(e, r)})
		}
		return n
	}
	return &source.Node{Kind: source.String, Range: r, Symbol: "tf:" + t.FriendlyName()}
}

func numberText(f *big.Float) string {
	if f.IsInt() {
		i, _ := f.Int(nil)
		return i.String()
	}
	return f.Text('g', -1)
}

// symbol names an unknown value so that equal expressions are equal keys:
// a reference to a group resource is that resource (module directory +
// address), anything else its expression text within the module.
func (b *builder) symbol(expr hcl.Expression) string {
	vars := expr.Variables()
	if len(vars) == 1 {
		t := vars[0]
		if len(t) >= 2 {
			if attr, ok := t[1].(hcl.TraverseAttr); ok && t.RootName() == GroupResource.Type {
				return "tf:" + b.dir + "#" + GroupResource.Type + "." + attr.Name
			}
		}
	}
	r := expr.Range()
	data := b.m.Files[r.Filename]
	text := ""
	if r.Start.Byte >= 0 && r.End.Byte <= len(data) && r.Start.Byte <= r.End.Byte {
		text = string(data[r.Start.Byte:r.End.Byte])
	}
	text = strings.Join(strings.Fields(text), " ")
	text = strings.TrimSuffix(strings.TrimPrefix(text, "\"${"), "}\"")
	return "tf:" + b.dir + "#" + text
}

// first is the first block of a type (the template of a dynamic one).
func first(body *Body, typ string) *NestedBlock {
	if bs := body.Blocks[typ]; len(bs) > 0 {
		return bs[0]
	}
	return nil
}

func (b *builder) api(rb *ResourceBlock) *source.Node {
	body := rb.Body
	root := obj(b.rng(rb.DefRange))
	b.set(root, "GroupId", body, "group_id", argString)
	b.set(root, "ApiName", body, "name", argString)
	b.set(root, "Description", body, "description", argString)
	b.set(root, "AuthType", body, "auth_type", argString)
	// Not expressible in Terraform; the provider always sends PRIVATE.
	implicit(root, "Visibility", "PRIVATE", source.String, b.rng(rb.TypeRange))
	if a := body.Attrs["force_nonce_check"]; a != nil {
		if v := b.m.Eval(a.Expr); v.IsWhollyKnown() && !v.IsNull() {
			if cv, err := convert.Convert(v, cty.Bool); err == nil && cv.True() {
				b.set(root, "ForceNonceCheck", body, "force_nonce_check", argBool)
			}
		}
	}
	if rc := first(body, "request_config"); rc != nil {
		n := obj(b.rng(rc.DefRange))
		b.set(n, "RequestProtocol", rc.Body, "protocol", argString)
		b.set(n, "RequestHttpMethod", rc.Body, "method", argString)
		b.set(n, "RequestPath", rc.Body, "path", argString)
		b.set(n, "RequestMode", rc.Body, "mode", argString)
		b.set(n, "BodyFormat", rc.Body, "body_format", argString)
		root.Fields = append(root.Fields, &source.Field{Key: "RequestConfig", RawKey: "request_config", KeyRange: n.Range, Value: n})
	}
	if sc := b.serviceConfig(body); sc != nil {
		root.Fields = append(root.Fields, &source.Field{Key: "ServiceConfig", RawKey: "service_type", KeyRange: sc.Range, Value: sc})
	}
	b.parameters(root, body)
	if a := body.Attrs["backend_enabled"]; a != nil {
		b.set(root, "BackendEnable", body, "backend_enabled", argBool)
		b.set(root, "BackendId", body, "backend_id", argString)
	}
	return root
}

// serviceConfig builds ServiceConfig from the block service_type picks;
// the other *_service_config blocks are ignored by the provider.
func (b *builder) serviceConfig(body *Body) *source.Node {
	st := body.Attrs["service_type"]
	if st == nil {
		return nil
	}
	v := b.m.Eval(st.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
		return nil
	}
	at := b.rng(st.Expr.Range())
	sc := obj(at)
	switch v.AsString() {
	case "HTTP":
		blk := first(body, "http_service_config")
		if blk == nil {
			return nil
		}
		implicit(sc, "ServiceProtocol", "HTTP", source.String, at)
		b.set(sc, "ServiceAddress", blk.Body, "address", argString)
		b.httpCommon(sc, blk.Body)
		implicit(sc, "Mock", "FALSE", source.String, at)
		implicit(sc, "ServiceVpcEnable", "FALSE", source.String, at)
	case "HTTP-VPC":
		blk := first(body, "http_vpc_service_config")
		if blk == nil {
			return nil
		}
		implicit(sc, "ServiceProtocol", "HTTP", source.String, at)
		b.httpCommon(sc, blk.Body)
		vpc := obj(b.rng(blk.DefRange))
		b.set(vpc, "Name", blk.Body, "name", argString)
		b.set(vpc, "VpcScheme", blk.Body, "vpc_scheme", argString)
		sc.Fields = append(sc.Fields, &source.Field{Key: "VpcConfig", RawKey: "http_vpc_service_config", KeyRange: vpc.Range, Value: vpc})
		implicit(sc, "ServiceVpcEnable", "TRUE", source.String, at)
		implicit(sc, "Mock", "FALSE", source.String, at)
	case "FunctionCompute":
		blk := first(body, "fc_service_config")
		if blk == nil {
			return nil
		}
		implicit(sc, "ServiceProtocol", "FunctionCompute", source.String, at)
		b.set(sc, "ServiceTimeout", blk.Body, "timeout", argInt)
		fc := obj(b.rng(blk.DefRange))
		b.set(fc, "FcRegionId", blk.Body, "region", argString)
		b.set(fc, "RoleArn", blk.Body, "arn_role", argString)
		if b.set(fc, "FcVersion", blk.Body, "function_version", argString) == nil {
			implicit(fc, "FcVersion", "2.0", source.String, fc.Range)
		}
		b.set(fc, "FcType", blk.Body, "function_type", argString)
		b.set(fc, "FunctionName", blk.Body, "function_name", argString)
		b.set(fc, "ServiceName", blk.Body, "service_name", argString)
		b.set(fc, "FcBaseUrl", blk.Body, "function_base_url", argString)
		b.set(fc, "Path", blk.Body, "path", argString)
		b.set(fc, "Method", blk.Body, "method", argString)
		b.set(fc, "OnlyBusinessPath", blk.Body, "only_business_path", argBool)
		b.set(fc, "Qualifier", blk.Body, "qualifier", argString)
		b.set(fc, "ContentTypeCatagory", blk.Body, "content_type_category", argString)
		b.set(fc, "ContentTypeValue", blk.Body, "content_type_value", argString)
		sc.Fields = append(sc.Fields, &source.Field{Key: "FunctionComputeConfig", RawKey: "fc_service_config", KeyRange: fc.Range, Value: fc})
	case "MOCK":
		blk := first(body, "mock_service_config")
		if blk == nil {
			return nil
		}
		implicit(sc, "ServiceProtocol", "HTTP", source.String, at)
		implicit(sc, "Mock", "TRUE", source.String, at)
		implicit(sc, "ServiceHttpMethod", "GET", source.String, at)
		implicit(sc, "ServiceTimeout", "30", source.Number, at)
		implicit(sc, "ServiceAddress", "http://www.aliyun.com", source.String, at)
		b.set(sc, "MockResult", blk.Body, "result", argString)
		b.set(sc, "AoneAppName", blk.Body, "aone_name", argString)
	default:
		return nil
	}
	return sc
}

func (b *builder) httpCommon(sc *source.Node, body *Body) {
	b.set(sc, "ServicePath", body, "path", argString)
	b.set(sc, "ServiceHttpMethod", body, "method", argString)
	b.set(sc, "ServiceTimeout", body, "timeout", argInt)
	b.set(sc, "AoneAppName", body, "aone_name", argString)
	b.set(sc, "ContentTypeCatagory", body, "content_type_category", argString)
	b.set(sc, "ContentTypeValue", body, "content_type_value", argString)
}

// parameters builds the three parameter lists as the provider does: every
// request_parameters, constant_parameters and system_parameters block adds
// one item to RequestParameters, ServiceParameters and ServiceParametersMap
// (the provider never sends ConstantParameters or SystemParameters).
func (b *builder) parameters(root *source.Node, body *Body) {
	reqs := &source.Node{Kind: source.Array}
	svcs := &source.Node{Kind: source.Array}
	maps := &source.Node{Kind: source.Array}
	add := func(blk *NestedBlock, catalog string) {
		at := b.rng(blk.DefRange)
		req, svc, mp := obj(at), obj(at), obj(at)
		switch catalog {
		case "REQUEST":
			b.set(req, "ApiParameterName", blk.Body, "name", argString)
			b.set(req, "ParameterType", blk.Body, "type", argString)
			b.set(req, "Required", blk.Body, "required", argString)
			b.set(req, "Location", blk.Body, "in", argString)
			b.set(req, "Description", blk.Body, "description", argString)
			b.set(req, "DefaultValue", blk.Body, "default_value", argString)
			b.set(svc, "ServiceParameterName", blk.Body, "name_service", argString)
			b.set(svc, "Location", blk.Body, "in_service", argString)
			b.set(svc, "ParameterType", blk.Body, "type", argString)
			b.set(mp, "RequestParameterName", blk.Body, "name", argString)
			b.set(mp, "ServiceParameterName", blk.Body, "name_service", argString)
		case "CONSTANT":
			b.set(req, "ApiParameterName", blk.Body, "name", argString)
			implicit(req, "Required", "REQUIRED", source.String, at)
			b.set(req, "Location", blk.Body, "in", argString)
			implicit(req, "ParameterType", "String", source.String, at)
			b.set(req, "Description", blk.Body, "description", argString)
			b.set(req, "DefaultValue", blk.Body, "value", argString)
			b.set(svc, "ServiceParameterName", blk.Body, "name", argString)
			b.set(svc, "Location", blk.Body, "in", argString)
			b.set(mp, "RequestParameterName", blk.Body, "name", argString)
			b.set(mp, "ServiceParameterName", blk.Body, "name", argString)
		case "SYSTEM":
			b.set(req, "ApiParameterName", blk.Body, "name", argString)
			b.set(req, "Location", blk.Body, "in", argString)
			implicit(req, "Required", "REQUIRED", source.String, at)
			implicit(req, "ParameterType", "String", source.String, at)
			b.set(svc, "ServiceParameterName", blk.Body, "name_service", argString)
			b.set(svc, "Location", blk.Body, "in", argString)
			implicit(svc, "ParameterType", "String", source.String, at)
			b.set(mp, "RequestParameterName", blk.Body, "name", argString)
			b.set(mp, "ServiceParameterName", blk.Body, "name_service", argString)
		}
		implicit(svc, "ParameterCatalog", catalog, source.String, at)
		reqs.Items = append(reqs.Items, req)
		svcs.Items = append(svcs.Items, svc)
		maps.Items = append(maps.Items, mp)
	}
	for _, kind := range []struct{ block, catalog string }{
		{"request_parameters", "REQUEST"}, {"constant_parameters", "CONSTANT"}, {"system_parameters", "SYSTEM"},
	} {
		for _, blk := range body.Blocks[kind.block] {
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

func (b *builder) service(rb *ResourceBlock) *source.Node {
	body := rb.Body
	root := obj(b.rng(rb.DefRange))
	b.set(root, "gatewayId", body, "gateway_id", argString)
	b.set(root, "sourceType", body, "source_type", argString)
	b.set(root, "resourceGroupId", body, "resource_group_id", argString)
	cfg := obj(b.rng(rb.DefRange))
	b.set(cfg, "name", body, "service_name", argString)
	b.set(cfg, "namespace", body, "namespace", argString)
	b.set(cfg, "qualifier", body, "qualifier", argString)
	b.set(cfg, "expressType", body, "express_type", argString)
	b.set(cfg, "addresses", body, "addresses", argStringSet)
	b.set(cfg, "dnsServers", body, "dns_servers", argStringSet)
	list := &source.Node{Kind: source.Array, Range: cfg.Range, Items: []*source.Node{cfg}}
	root.Fields = append(root.Fields, &source.Field{Key: "serviceConfigs", RawKey: "serviceConfigs", KeyRange: cfg.Range, Value: list})
	return root
}
