// Package ros is the front-end of Alibaba Cloud ROS templates (Resource
// Orchestration Service, YAML or JSON with ROSTemplateFormatVersion): every
// resource of type ALIYUN::ApiGateway::Api is a CreateApi definition and
// every ALIYUN::APIG::Service a CreateService definition, with their
// properties mapped onto the request parameters (docs/sources.md#ros-mapping,
// #ros-functions). Intrinsic functions and parameters are resolved where the template
// alone says what they give (a parameter's default, a join of literals);
// everything else is a symbolic value that is never reported, and a group
// or gateway named by a resource of the template is the symbolic key
// ros:<template>#<LogicalId>.
package ros

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// Frontend reads ROS templates.
var Frontend = &frontend.Frontend{Name: "ros", Match: match, Load: load, MayCompute: mayCompute, Spelling: spelling}

// spelling gives the ROS name of a parameter: a resource's top-level
// properties and ServiceConfig's timeout are ROS's own; a CreateService's
// serviceConfigs item is written as top-level properties, so it is not
// offered.
func spelling(op, pointer, name string) (string, bool) {
	switch {
	case op == schema.CreateApi && pointer == "":
		for ros, gateway := range apiProperties {
			if gateway == name {
				return ros, true
			}
		}
		return "", false
	case op == schema.CreateApi && pointer == "/ServiceConfig" && name == "ServiceTimeout":
		return "ServiceTimeOut", true
	case op == schema.CreateService && pointer == "":
		for ros, gateway := range serviceProperties {
			if gateway == name {
				return ros, true
			}
		}
		return "", false
	}
	return name, true
}

// mayCompute: the functions that build a value from pieces (a group ID
// joined from two literals is in no needle's bytes).
func mayCompute(data []byte) bool {
	for _, fn := range []string{"Join", "Sub", "Replace", "FindInMap", "Select"} {
		if bytes.Contains(data, []byte("Fn::"+fn)) || bytes.Contains(data, []byte("!"+fn)) {
			return true
		}
	}
	return false
}

// Resource types (docs/sources.md#ros-mapping).
const (
	typeAPI     = "ALIYUN::ApiGateway::Api"
	typeService = "ALIYUN::APIG::Service"
	typeGroup   = "ALIYUN::ApiGateway::Group"
)

func match(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
		return bytes.Contains(data, []byte("ROSTemplateFormatVersion"))
	}
	return false
}

func load(path string, data []byte, each func(*frontend.Definition)) *source.File {
	f := source.Load(path, data, source.DefaultOptions)
	ordinal := 0
	for _, doc := range f.Docs {
		if doc.Root == nil || doc.Root.Kind != source.Object || doc.Root.Get("ROSTemplateFormatVersion") == nil {
			// Another document of the file: a request, perhaps.
			op, d := schema.DetectIn(doc.Root, path, doc.Index, f)
			each(&frontend.Definition{Op: op, Root: doc.Root, Doc: doc.Index, Problem: d, File: f})
			continue
		}
		t := newTemplate(path, doc.Root)
		t.src = f
		found := false
		for _, res := range t.resources {
			var def *frontend.Definition
			switch res.typ {
			case typeAPI:
				def = t.api(res)
			case typeService:
				def = t.service(res)
			default:
				continue
			}
			def.Doc = ordinal
			def.File = f
			for i := range def.Diags {
				def.Diags[i].Document = ordinal
			}
			ordinal++
			found = true
			each(def)
		}
		if !found {
			r := doc.Root.Fields[0].KeyRange
			each(&frontend.Definition{Doc: doc.Index, Problem: frontend.NotDefinition(path, doc.Index, r,
				"the ROS template has no "+typeAPI+" or "+typeService+" resource")})
		}
	}
	return f
}

type resource struct {
	id    string
	key   diag.Range // of the logical id
	typ   string
	node  *source.Node
	props *source.Node
}

// template is what resolving values needs of a template.
type template struct {
	file      string
	params    map[string]*source.Node // name -> its Default (nil: none)
	mappings  *source.Node
	resources []resource
	types     map[string]string     // logical id -> type
	keys      map[string]diag.Range // logical id -> its key in Resources
	diags     []diag.Diagnostic     // of the definition being read
	src       *source.File          // the template's text, for fixes
	// work counts the nodes resolved and copied for the template: a
	// hostile template (parameters whose defaults refer to each other,
	// joins of joins) could otherwise take exponential time. Past
	// maxWork every function is left symbolic.
	work int
}

// maxWork bounds the resolution work of one template, far above what a
// real template needs (a few thousand).
const maxWork = 200_000

func newTemplate(file string, root *source.Node) *template {
	t := &template{file: file, params: map[string]*source.Node{}, types: map[string]string{}, keys: map[string]diag.Range{}, mappings: root.Get("Mappings")}
	if ps := root.Get("Parameters"); ps != nil && ps.Kind == source.Object {
		for _, f := range ps.Fields {
			t.params[f.Key] = f.Value.Get("Default")
		}
	}
	if rs := root.Get("Resources"); rs != nil && rs.Kind == source.Object {
		for _, f := range rs.Fields {
			typ := f.Value.Str("Type")
			t.types[f.Key] = typ
			t.keys[f.Key] = f.KeyRange
			t.resources = append(t.resources, resource{id: f.Key, key: f.KeyRange, typ: typ, node: f.Value, props: f.Value.Get("Properties")})
		}
	}
	return t
}

// local is a symbolic key that only this template can produce.
func (t *template) local(name string) string {
	return facts.Symbolic("ros:"+t.file+name, "")
}

// site is the symbolic value of an expression that is not resolved: equal
// only to itself.
func (t *template) site(n *source.Node) *source.Node {
	return frontend.SymbolicAt(n, t.local(fmt.Sprintf("@%d:%d", n.Range.Start.Line, n.Range.Start.Col)))
}

// function returns the intrinsic function a node calls (Ref, Fn::Join,
// …), in either the long form ({"Fn::Join": [...]}) or the YAML short form
// (!Join [...]).
func function(n *source.Node) (name string, arg *source.Node) {
	if n == nil {
		return "", nil
	}
	if tag := n.Tag(); tag != "" && strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		c := *n
		c.SetTag("")
		name = tag[1:]
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		return name, &c
	}
	if n.Kind == source.Object && len(n.Fields) == 1 {
		k := n.Fields[0].Key
		if k == "Ref" || strings.HasPrefix(k, "Fn::") {
			return k, n.Fields[0].Value
		}
	}
	return "", nil
}

// resolve returns n with every intrinsic function replaced by its value,
// or by a symbolic value; nil when it is Ref ALIYUN::NoValue (the property
// is left out).
func (t *template) resolve(n *source.Node, depth int) *source.Node {
	if n == nil {
		return n
	}
	t.work++
	if name, arg := function(n); name != "" {
		if depth > 50 || t.work > maxWork {
			return t.site(n)
		}
		return t.call(n, name, arg, depth)
	}
	if depth > 50 {
		return n
	}
	switch n.Kind {
	case source.Object:
		kept := n.Fields[:0]
		for _, f := range n.Fields {
			if v := t.resolve(f.Value, depth+1); v != nil {
				f.Value = v
				kept = append(kept, f)
			}
		}
		n.Fields = kept
	case source.Array:
		kept := n.Items[:0]
		for _, it := range n.Items {
			if v := t.resolve(it, depth+1); v != nil {
				kept = append(kept, v)
			}
		}
		n.Items = kept
	}
	return n
}

// resourceRef is the symbolic value of a reference to resource id, with
// the resource as its origin (a clash keyed by it points there too).
func (t *template) resourceRef(site *source.Node, id, name string) *source.Node {
	v := frontend.SymbolicAt(site, t.local(name))
	if r, ok := t.keys[id]; ok {
		v.SetOrigin(r)
	}
	return v
}

// text is a resolved scalar at a site.
func text(site *source.Node, s string) *source.Node {
	return &source.Node{Kind: source.String, Value: s, Range: site.Range, KeyRange: site.KeyRange}
}

// call evaluates one function (docs/sources.md#ros-functions): what the
// template alone determines is resolved, the rest is symbolic.
func (t *template) call(site *source.Node, name string, arg *source.Node, depth int) *source.Node {
	switch name {
	case "Ref":
		ref := arg.Scalar()
		switch {
		case ref == "ALIYUN::NoValue":
			return nil
		case strings.HasPrefix(ref, "ALIYUN::"):
			return frontend.SymbolicAt(site, t.local("$"+ref))
		}
		if def, isParam := t.params[ref]; isParam {
			if def == nil {
				return frontend.SymbolicAt(site, t.local("$"+ref))
			}
			// A default is an assumption (a stack may override it), the
			// best the template says.
			t.work += size(def)
			if t.work > maxWork {
				return t.site(site)
			}
			v := t.resolve(frontend.Clone(def), depth+1)
			if v == nil {
				return nil
			}
			v.Range, v.KeyRange, v.Text = site.Range, site.KeyRange, ""
			return v
		}
		return t.resourceRef(site, ref, "#"+ref)
	case "Fn::GetAtt":
		var id, attr string
		if arg.Kind == source.Array && len(arg.Items) == 2 {
			id, attr = arg.Items[0].Scalar(), arg.Items[1].Scalar()
		} else if s := arg.Scalar(); strings.Contains(s, ".") {
			id, attr, _ = strings.Cut(s, ".")
		}
		if id == "" {
			return t.site(site)
		}
		if (attr == "GroupId" && t.types[id] == typeGroup) || attr == "GatewayId" {
			// The resource's own identity: Ref and GetAtt of it are
			// the same key.
			return t.resourceRef(site, id, "#"+id)
		}
		return frontend.SymbolicAt(site, t.local("#"+id+"."+attr))
	case "Fn::Join":
		if arg.Kind != source.Array || len(arg.Items) != 2 {
			return t.site(site)
		}
		sep := t.resolve(arg.Items[0], depth+1)
		list := t.resolve(arg.Items[1], depth+1)
		if !known(sep) || list == nil || list.Kind != source.Array {
			return t.site(site)
		}
		parts := make([]string, len(list.Items))
		for i, it := range list.Items {
			if !known(it) {
				return t.site(site)
			}
			parts[i] = it.Scalar()
		}
		return text(site, strings.Join(parts, sep.Scalar()))
	case "Fn::Sub":
		return t.sub(site, arg, depth)
	case "Fn::Select":
		if arg.Kind != source.Array || len(arg.Items) != 2 {
			return t.site(site)
		}
		idx := t.resolve(arg.Items[0], depth+1)
		list := t.resolve(arg.Items[1], depth+1)
		i, err := strconv.Atoi(idx.Scalar())
		if !known(idx) || err != nil || list == nil {
			return t.site(site)
		}
		if known(list) {
			// A CommaDelimitedList parameter's default.
			items := strings.Split(list.Scalar(), ",")
			if i < 0 || i >= len(items) {
				return t.site(site)
			}
			return text(site, items[i])
		}
		if list.Kind != source.Array || i < 0 || i >= len(list.Items) || list.Items[i].Symbol() != "" {
			return t.site(site)
		}
		v := frontend.Clone(list.Items[i])
		v.Range, v.KeyRange = site.Range, site.KeyRange
		return v
	case "Fn::Replace":
		if arg.Kind != source.Array || len(arg.Items) != 2 || arg.Items[0].Kind != source.Object {
			return t.site(site)
		}
		s := t.resolve(arg.Items[1], depth+1)
		if !known(s) {
			return t.site(site)
		}
		out := s.Scalar()
		for _, f := range arg.Items[0].Fields {
			to := t.resolve(f.Value, depth+1)
			if !known(to) {
				return t.site(site)
			}
			out = strings.ReplaceAll(out, f.Key, to.Scalar())
		}
		return text(site, out)
	case "Fn::FindInMap":
		if arg.Kind != source.Array || len(arg.Items) != 3 || t.mappings == nil {
			return t.site(site)
		}
		cur := t.mappings
		for _, k := range arg.Items {
			key := t.resolve(k, depth+1)
			if !known(key) {
				return t.site(site)
			}
			cur = cur.Get(key.Scalar())
		}
		if cur == nil {
			return t.site(site)
		}
		t.work += size(cur)
		if t.work > maxWork {
			return t.site(site)
		}
		v := frontend.Clone(cur)
		v.Range, v.KeyRange = site.Range, site.KeyRange
		return v
	}
	// Fn::If (conditions are decided at deployment), Fn::GetStackOutput,
	// Fn::Jq and the rest: not known here.
	return t.site(site)
}

// size counts the nodes of a tree (bounded: it only needs to tell that a
// copy is too much).
func size(n *source.Node) int {
	count := 0
	n.Walk(func(*source.Node) bool {
		count++
		return count <= maxWork
	})
	return count
}

// known reports whether a resolved node is a scalar known statically.
func known(n *source.Node) bool {
	return n != nil && n.Symbol() == "" && (n.Kind == source.String || n.Kind == source.Number || n.Kind == source.Bool)
}

// sub evaluates Fn::Sub: "text ${Name} text" or [text, {Name: value}];
// ${!Literal} is the text ${Literal}.
func (t *template) sub(site, arg *source.Node, depth int) *source.Node {
	str := arg
	var vars *source.Node
	if arg.Kind == source.Array && len(arg.Items) >= 1 {
		str = arg.Items[0]
		if len(arg.Items) == 2 {
			vars = arg.Items[1]
		}
	}
	if str.Kind != source.String {
		return t.site(site)
	}
	s := str.Value
	var b strings.Builder
	for {
		open := strings.Index(s, "${")
		if open < 0 {
			b.WriteString(s)
			break
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:open])
		name := s[open+2 : open+end]
		s = s[open+end+1:]
		if strings.HasPrefix(name, "!") {
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		var v *source.Node
		if vars != nil && vars.Get(name) != nil {
			v = t.resolve(vars.Get(name), depth+1)
		} else if def, ok := t.params[name]; ok && def != nil {
			t.work += size(def)
			if t.work > maxWork {
				return t.site(site)
			}
			v = t.resolve(frontend.Clone(def), depth+1)
		}
		if !known(v) {
			return t.site(site)
		}
		b.WriteString(v.Scalar())
	}
	return text(site, b.String())
}

// apiProperties maps the properties of ALIYUN::ApiGateway::Api onto
// CreateApi parameters (docs/sources.md#ros-mapping).
var apiProperties = map[string]string{
	"ApiName": "ApiName", "GroupId": "GroupId", "Visibility": "Visibility", "RequestConfig": "RequestConfig",
	"ServiceConfig": "ServiceConfig", "ResultType": "ResultType", "ResultSample": "ResultSample", "AuthType": "AuthType",
	"AllowSignatureMethod": "AllowSignatureMethod", "AppCodeAuthType": "AppCodeAuthType", "Description": "Description",
	"DisableInternet": "DisableInternet", "ForceNonceCheck": "ForceNonceCheck", "FailResultSample": "FailResultSample",
	"ResultBodyModel": "ResultBodyModel", "ResultDescriptions": "ResultDescriptions", "WebSocketApiType": "WebSocketApiType",
	"ErrorCodeSamples": "ErrorCodeSamples", "OpenIdConnectConfig": "OpenIdConnectConfig", "RequestParameters": "RequestParameters",
	"ServiceParameters": "ServiceParameters", "ServiceParametersMap": "ServiceParametersMap", "SystemParameters": "SystemParameters",
	// ROS's own spellings.
	"ConstParameters": "ConstantParameters", "Tags": "Tag",
}

// serviceProperties maps the properties of ALIYUN::APIG::Service onto
// CreateService: the service's own settings go into its one
// serviceConfigs item (docs/sources.md#ros-mapping).
var serviceProperties = map[string]string{
	"GatewayId": "gatewayId", "SourceType": "sourceType", "ResourceGroupId": "resourceGroupId",
	"ServiceName": "item:name", "Addresses": "item:addresses", "GroupName": "item:groupName", "Namespace": "item:namespace",
	"Qualifier": "item:qualifier", "AiServiceConfig": "item:aiServiceConfig",
}

// rosSpelling is the ROS spelling of gateway names that ROS renames, for
// the did-you-mean of a gateway spelling used in a template.
var rosSpelling = map[string]string{"ConstantParameters": "ConstParameters", "Tag": "Tags", "ServiceTimeout": "ServiceTimeOut", "ConstantValue": "ConstValue"}

func names(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// unknown reports a property ROS does not have, with the likeliest one it
// has.
func (t *template) unknown(obj *source.Node, f *source.Field, where string, candidates []string) {
	msg := diag.Sprintf("unknown property %q %s", f.RawKey, where)
	// The gateway's name of a property ROS renames maps to ROS's name, a
	// misspelling to the one property close enough: both are safe.
	to, safe := "", false
	if ros, ok := rosSpelling[upperFirst(f.Key)]; ok && contains(candidates, ros) {
		msg += diag.Sprintf("; ROS spells it %q", ros)
		to, safe = ros, true
	} else if s, one := schema.Closest(f.RawKey, candidates); s != "" {
		msg += diag.Sprintf("; did you mean %q?", s)
		to, safe = s, one
	}
	d := diag.Diagnostic{File: t.file, Range: f.KeyRange, Severity: diag.Error, Rule: schema.RuleUnknownField, Message: msg}
	if to != "" && !written(obj, to) {
		if e, ok := t.src.RenameKey(f, to); ok {
			d.Fixes = []diag.Fix{{Message: diag.Sprintf("rename %q to %q", f.RawKey, to), Safe: safe, Edits: []diag.Edit{e}}}
		}
	}
	t.diags = append(t.diags, d)
}

// written reports whether obj has a key written as name (in any case of
// its first letter), whatever the front-end renamed it to.
func written(obj *source.Node, name string) bool {
	for _, f := range obj.Fields {
		if upperFirst(f.RawKey) == upperFirst(name) {
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

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// properties returns a resource's resolved properties ({} when it has
// none).
func (t *template) properties(res resource) *source.Node {
	props := res.props
	if props == nil || props.Kind != source.Object {
		return &source.Node{Kind: source.Object, Range: res.node.Range}
	}
	v := t.resolve(props, 0)
	if v == nil {
		return &source.Node{Kind: source.Object, Range: res.node.Range}
	}
	if v.Kind != source.Object {
		// Properties chosen by a function (Fn::If): the whole
		// definition is not known statically.
		unknown := &source.Node{Kind: source.Object, Range: v.Range}
		unknown.SetSymbol(v.Symbol())
		return unknown
	}
	return v
}

func (t *template) api(res resource) *frontend.Definition {
	t.diags = nil
	props := t.properties(res)
	if props.Symbol() != "" {
		return &frontend.Definition{Op: schema.CreateApi, Root: props, MaySymbolic: true}
	}
	root := &source.Node{Kind: source.Object, Range: props.Range}
	candidates := names(apiProperties)
	for _, f := range props.Fields {
		name, ok := apiProperties[f.Key]
		if !ok {
			t.unknown(props, f, "in an "+typeAPI+" resource", candidates)
			continue
		}
		switch name {
		case "ServiceConfig":
			t.rename(f.Value, "ServiceTimeOut", "ServiceTimeout", "in the ServiceConfig of an "+typeAPI+" resource")
		case "ConstantParameters":
			if f.Value.Kind == source.Array {
				for _, it := range f.Value.Items {
					t.rename(it, "ConstValue", "ConstantValue", "in a ConstParameters item")
				}
			}
		}
		root.Fields = append(root.Fields, &source.Field{Key: name, RawKey: f.RawKey, KeyRange: f.KeyRange, Value: f.Value})
	}
	t.constraints(root)
	if sc := root.Get("ServiceConfig"); sc != nil && sc.Kind == source.Object && sc.Get("ServiceTimeout") == nil {
		// ServiceTimeOut is optional in ROS, required by the gateway:
		// ROS sends one of its own (docs/sources.md#ros-mapping).
		sc.Fields = append(sc.Fields, &source.Field{Key: "ServiceTimeout", RawKey: "ServiceTimeOut",
			Value: &source.Node{Kind: source.Number, Implicit: true, Range: sc.Range}})
	}
	if res.node.Get("Count") != nil {
		// One resource stands for several APIs: it is checked once,
		// and its cross-file key is its own (its copies differ only
		// where ALIYUN::Index is used, which is not known here).
		if g := root.Field("GroupId"); g != nil {
			g.Value = frontend.SymbolicAt(g.Value, t.local("#"+res.id+"[Count]"))
		}
	}
	root.SetPointers("")
	return &frontend.Definition{Op: schema.CreateApi, Root: root, Diags: t.diags, MaySymbolic: true}
}

// ruleConstraint is the id of the rule for ROS's own constraints
// (rules.RosConstraint).
const ruleConstraint = "ros-constraint"

// rosAllowed are the values ROS allows where its specification is
// narrower than the gateway's (docs/sources.md#ros-constraints), by list and key.
var rosAllowed = []struct {
	list, key string
	allowed   []string
}{
	{"RequestParameters", "Required", []string{"REQUIRED", "OPTION"}},
	{"ServiceParameters", "ParameterType", []string{"STRING", "NUMBER", "BOOLEAN"}},
	{"SystemParameters", "ParameterName", []string{"CaClientIp", "CaDomain", "CaRequestHandleTime", "CaAppId", "CaRequestId", "CaHttpSchema", "CaProxy"}},
}

// constraints reports the values ROS refuses before the gateway sees them.
// Keys inside the structures are matched ignoring the case of their first
// letter, as ROS's own sample writes them; values not known statically
// are not checked.
func (t *template) constraints(root *source.Node) {
	bad := func(n *source.Node, what string, allowed []string) {
		t.diags = append(t.diags, diag.Diagnostic{File: t.file, Range: n.Range, Severity: diag.Error, Rule: ruleConstraint,
			Message: diag.Sprintf("ROS allows %s only as %s; %q is refused when the stack is created", what, strings.Join(allowed, ", "), n.Scalar())})
	}
	field := func(obj *source.Node, key string) *source.Node {
		if obj == nil || obj.Kind != source.Object {
			return nil
		}
		for _, f := range obj.Fields {
			if upperFirst(f.Key) == key {
				return f.Value
			}
		}
		return nil
	}
	check := func(n *source.Node, what string, allowed []string) {
		if known(n) && !contains(allowed, n.Scalar()) {
			bad(n, what, allowed)
		}
	}
	for _, c := range rosAllowed {
		if l := root.Get(c.list); l != nil && l.Kind == source.Array {
			for _, it := range l.Items {
				check(field(it, c.key), c.list+"[]."+c.key, c.allowed)
			}
		}
	}
	rc := root.Get("RequestConfig")
	check(field(rc, "RequestProtocol"), "RequestConfig.RequestProtocol", []string{"HTTP", "HTTPS", "HTTP,HTTPS"})
	if vpc := field(root.Get("ServiceConfig"), "VpcConfig"); vpc != nil && vpc.Kind == source.Object {
		for _, k := range []string{"VpcId", "InstanceId", "Port"} {
			if field(vpc, k) == nil {
				t.diags = append(t.diags, diag.Diagnostic{File: t.file, Range: vpc.Range, Severity: diag.Error, Rule: ruleConstraint,
					Message: fmt.Sprintf("ROS requires VpcConfig.%s (VpcId, InstanceId and Port are all required in a template)", k)})
			}
		}
	}
}

// rename gives a ROS spelling of an inner key its gateway name; the
// gateway's own spelling there is not what ROS takes.
func (t *template) rename(obj *source.Node, ros, gateway, where string) {
	if obj == nil || obj.Kind != source.Object {
		return
	}
	kept := obj.Fields[:0]
	for _, f := range obj.Fields {
		switch upperFirst(f.Key) {
		case ros:
			f.Key = gateway
		case gateway:
			t.unknown(obj, f, where, []string{ros})
			continue
		}
		kept = append(kept, f)
	}
	obj.Fields = kept
}

func (t *template) service(res resource) *frontend.Definition {
	t.diags = nil
	props := t.properties(res)
	if props.Symbol() != "" {
		return &frontend.Definition{Op: schema.CreateService, Root: props, MaySymbolic: true}
	}
	root := &source.Node{Kind: source.Object, Range: props.Range}
	item := &source.Node{Kind: source.Object, Range: props.Range}
	candidates := names(serviceProperties)
	for _, f := range props.Fields {
		name, ok := serviceProperties[f.Key]
		if !ok {
			t.unknown(props, f, "in an "+typeService+" resource", candidates)
			continue
		}
		field := &source.Field{Key: strings.TrimPrefix(name, "item:"), RawKey: f.RawKey, KeyRange: f.KeyRange, Value: f.Value}
		if name == "item:aiServiceConfig" {
			lowerKeys(f.Value)
		}
		if strings.HasPrefix(name, "item:") {
			item.Fields = append(item.Fields, field)
		} else {
			root.Fields = append(root.Fields, field)
		}
	}
	if item.Get("name") == nil {
		// ServiceName is optional in ROS (for K8S and the like the
		// service comes from the source): not reported missing.
		item.Fields = append(item.Fields, &source.Field{Key: "name", RawKey: "ServiceName", Value: &source.Node{Kind: source.String, Implicit: true, Range: props.Range}})
	}
	root.Fields = append(root.Fields, &source.Field{Key: "serviceConfigs", RawKey: "serviceConfigs",
		Value: &source.Node{Kind: source.Array, Range: props.Range, Items: []*source.Node{item}}})
	root.SetPointers("")
	return &frontend.Definition{Op: schema.CreateService, Root: root, Diags: t.diags, MaySymbolic: true}
}

// lowerKeys gives PascalCase keys (ROS) their camelCase CreateService
// spelling, at every depth.
func lowerKeys(n *source.Node) {
	n.Walk(func(x *source.Node) bool {
		for _, f := range x.Fields {
			f.Key = lowerFirst(f.Key)
		}
		return true
	})
}
