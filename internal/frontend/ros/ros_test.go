package ros

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/source"
)

// defs loads a template and returns its definitions.
func defs(t *testing.T, src string) []*frontend.Definition {
	t.Helper()
	var out []*frontend.Definition
	f := load("t.yaml", []byte(src), func(d *frontend.Definition) { out = append(out, d) })
	if len(f.Problems) > 0 {
		t.Fatalf("problems: %v", f.Problems)
	}
	return out
}

// value describes a node: its text, or "sym:" and its readable symbol.
func value(n *source.Node) string {
	switch {
	case n == nil:
		return "<absent>"
	case n.Symbol() != "":
		return "sym:" + strings.TrimPrefix(n.Symbol(), "\x00")
	case n.Implicit:
		return "implicit"
	}
	return n.Scalar()
}

const head = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Name: {Type: String, Default: Orders}
  NoDefault: {Type: String}
  Zones: {Type: CommaDelimitedList, Default: 'a,b,c'}
Mappings:
  Env:
    prod: {Path: /v1}
Resources:
  Group:
    Type: ALIYUN::ApiGateway::Group
    Properties: {GroupName: g}
  Api:
    Type: ALIYUN::ApiGateway::Api
    Properties:
`

func TestResolve(t *testing.T) {
	for _, c := range []struct{ prop, want string }{
		{"Description: plain", "plain"},
		{"Description: {Ref: Name}", "Orders"},
		{"Description: !Ref Name", "Orders"},
		{"Description: {Ref: NoDefault}", "sym:ros:t.yaml$NoDefault"},
		{"Description: {Ref: Group}", "sym:ros:t.yaml#Group"},
		{"Description: {'Fn::GetAtt': [Group, GroupId]}", "sym:ros:t.yaml#Group"},
		{"Description: !GetAtt Group.GroupId", "sym:ros:t.yaml#Group"},
		{"Description: !GetAtt Group.SubDomain", "sym:ros:t.yaml#Group.SubDomain"},
		{"Description: {Ref: 'ALIYUN::Region'}", "sym:ros:t.yaml$ALIYUN::Region"},
		{"Description: {'Fn::Join': ['-', [a, {Ref: Name}]]}", "a-Orders"},
		{"Description: {'Fn::Join': ['-', [a, {Ref: NoDefault}]]}", "sym:ros:t.yaml@16:21"},
		{"Description: !Sub '${Name}/x/${!Literal}'", "Orders/x/${Literal}"},
		{"Description: {'Fn::Sub': ['${A}-${Name}', {A: z}]}", "z-Orders"},
		{"Description: {'Fn::Select': ['1', {Ref: Zones}]}", "b"},
		{"Description: {'Fn::Select': [1, [x, y]]}", "y"},
		{"Description: {'Fn::Replace': [{o: 0}, {Ref: Name}]}", "Orders"},
		{"Description: {'Fn::Replace': [{r: R}, {Ref: Name}]}", "ORdeRs"},
		{"Description: {'Fn::FindInMap': [Env, prod, Path]}", "/v1"},
		{"Description: {'Fn::If': [IsProd, a, b]}", "sym:ros:t.yaml@16:21"},
		{"Description: {Ref: 'ALIYUN::NoValue'}", "<absent>"},
	} {
		d := defs(t, head+"      "+c.prop+"\n")
		if len(d) != 1 {
			t.Fatalf("%s: %d definitions", c.prop, len(d))
		}
		if got := value(d[0].Root.Get("Description")); got != c.want {
			t.Errorf("%s: got %q, want %q", c.prop, got, c.want)
		}
	}
}

// ROS spellings become the gateway's; the gateway's spelling in a template
// and unknown properties are reported with the ROS name.
func TestProperties(t *testing.T) {
	d := defs(t, head+`      ServiceConfig: {ServiceProtocol: HTTP, ServiceTimeOut: 10}
      ConstParameters: [{ServiceParameterName: a, ConstValue: b, Location: HEAD}]
      Tags: [{Key: k}]
      Tag: [{Key: k}]
`)[0]
	if v := value(d.Root.Get("ServiceConfig").Get("ServiceTimeout")); v != "10" {
		t.Errorf("ServiceTimeOut: %q", v)
	}
	if v := value(d.Root.Lookup("/ConstantParameters/0/ConstantValue")); v != "b" {
		t.Errorf("ConstValue: %q", v)
	}
	if d.Root.Get("Tag") == nil || len(d.Diags) != 1 || !strings.Contains(d.Diags[0].Message, `ROS spells it "Tags"`) {
		t.Errorf("Tags/Tag: %+v", d.Diags)
	}
	// Without ServiceTimeOut the gateway's required timeout is ROS's to fill in.
	d = defs(t, head+"      ServiceConfig: {ServiceProtocol: HTTP}\n")[0]
	if v := value(d.Root.Get("ServiceConfig").Get("ServiceTimeout")); v != "implicit" {
		t.Errorf("implicit timeout: %q", v)
	}
}

// An APIG service's own settings are its one serviceConfigs item, with
// camelCase keys; Count makes the group key the resource's own.
func TestServiceAndCount(t *testing.T) {
	src := `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  S:
    Type: ALIYUN::APIG::Service
    Properties:
      GatewayId: {'Fn::GetAtt': [GW, GatewayId]}
      SourceType: AI
      ServiceName: llm
      AiServiceConfig: {Provider: openai, ApiKeys: [k]}
  A:
    Type: ALIYUN::ApiGateway::Api
    Count: 2
    Properties:
      GroupId: g-literal
`
	d := defs(t, src)
	if len(d) != 2 {
		t.Fatalf("%d definitions", len(d))
	}
	s := d[0].Root
	if value(s.Get("gatewayId")) != "sym:ros:t.yaml#GW" || value(s.Lookup("/serviceConfigs/0/name")) != "llm" ||
		value(s.Lookup("/serviceConfigs/0/aiServiceConfig/provider")) != "openai" {
		t.Errorf("service: %s %s", value(s.Get("gatewayId")), value(s.Lookup("/serviceConfigs/0/aiServiceConfig/provider")))
	}
	if v := value(d[1].Root.Get("GroupId")); v != "sym:ros:t.yaml#A[Count]" {
		t.Errorf("Count group key: %q", v)
	}
	if d[0].Doc != 0 || d[1].Doc != 1 {
		t.Errorf("ordinals %d %d", d[0].Doc, d[1].Doc)
	}
}

// A template without API or service resources is not a definition; a
// document of the file that is not a template is read as a request.
func TestNotATemplateDefinition(t *testing.T) {
	d := defs(t, "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  G: {Type: ALIYUN::ApiGateway::Group}\n---\nAction: CreateService\ngatewayId: g\n")
	if len(d) != 2 || d[0].Problem == nil || d[0].Problem.Rule != "not-a-definition" || d[1].Op != "CreateService" {
		t.Fatalf("%+v", d)
	}
}

// Properties chosen by a function, or removed by ALIYUN::NoValue, are a
// definition not known statically (nothing reported), never a crash.
func TestWholeProperties(t *testing.T) {
	for _, props := range []string{"{'Fn::If': [C, {ApiName: a}, {ApiName: b}]}", "{Ref: 'ALIYUN::NoValue'}", "[1, 2]", "''"} {
		d := defs(t, "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  A:\n    Type: ALIYUN::ApiGateway::Api\n    Properties: "+props+"\n"+
			"  S:\n    Type: ALIYUN::APIG::Service\n    Properties: "+props+"\n")
		if len(d) != 2 || d[0].Root == nil || d[1].Root == nil || d[0].Root.Kind != source.Object {
			t.Fatalf("%s: %+v", props, d)
		}
	}
	d := defs(t, "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  A:\n    Type: ALIYUN::ApiGateway::Api\n    Properties: {'Fn::If': [C, {}, {}]}\n")
	if len(d[0].Unchecked()) != 1 || d[0].Unchecked()[0] != "" {
		t.Errorf("a function's properties are unchecked: %v", d[0].Unchecked())
	}
}
