package terraform

import (
	"sort"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// literal is the provider documentation's example with every value known,
// for each backend type, with constant and system parameters.
const literal = `
resource "alicloud_api_gateway_api" "http" {
  group_id    = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name        = "tf-example"
  description = "tf example"
  auth_type   = "APP"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/example/[id]"
    mode     = "MAPPING"
  }
  service_type = "HTTP"
  http_service_config {
    address   = "http://apigateway-backend.alicloudapi.com:8080"
    method    = "GET"
    path      = "/web/cloudapi/[id]"
    timeout   = 12
    aone_name = "cloudapi-openapi"
  }
  request_parameters {
    name         = "id"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "id"
  }
  constant_parameters {
    name        = "constparams"
    in          = "QUERY"
    value       = "constantparamsvalue"
    description = "constant parameter"
  }
  system_parameters {
    name         = "CaClientIp"
    in           = "QUERY"
    name_service = "clientIp"
  }
  stage_names = ["RELEASE"]
}
resource "alicloud_api_gateway_api" "vpc" {
  group_id     = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name         = "tf-example-vpc"
  description  = "vpc"
  auth_type    = "ANONYMOUS"
  service_type = "HTTP-VPC"
  request_config {
    protocol = "HTTP,HTTPS"
    method   = "POST"
    path     = "/vpc"
    mode     = "PASSTHROUGH"
  }
  http_vpc_service_config {
    name    = "vpc-access"
    method  = "POST"
    path    = "/vpc"
    timeout = 10
  }
}
resource "alicloud_api_gateway_api" "fc" {
  group_id     = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name         = "tf-example-fc"
  description  = "fc"
  auth_type    = "APP"
  service_type = "FunctionCompute"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/fc"
    mode     = "PASSTHROUGH"
  }
  fc_service_config {
    region        = "cn-hangzhou"
    function_name = "fn"
    service_name  = "svc"
    arn_role      = "acs:ram::1234567890:role/aliyunapigatewayaccessingfcrole"
    timeout       = 10
  }
}
resource "alicloud_api_gateway_api" "mock" {
  group_id     = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name         = "tf-example-mock"
  description  = "mock"
  auth_type    = "APP"
  service_type = "MOCK"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/mock"
    mode     = "MAPPING"
  }
  mock_service_config {
    result = "this is a mock test"
  }
}
resource "alicloud_apig_service" "default" {
  addresses    = ["10.0.0.1:80"]
  service_name = "svc-1"
  source_type  = "VIP"
  gateway_id   = "gw-cq7l5s5lhtg001"
}
`

func TestRequestPassesTheSchema(t *testing.T) {
	m := load(t, map[string]string{"main.tf": literal})
	if p := problems(m); len(p) != 0 {
		t.Fatalf("problems: %v", p)
	}
	if len(m.Resources) != 5 {
		t.Fatalf("resources = %d", len(m.Resources))
	}
	for _, rb := range m.Resources {
		op, root := m.Request(rb)
		var msgs []string
		for _, d := range schema.Check(root, op, "main.tf", 0) {
			msgs = append(msgs, d.Rule+": "+d.Message)
		}
		if len(msgs) > 0 {
			t.Errorf("%s.%s (%s): %v", rb.Type, rb.Name, op, msgs)
		}
	}
}

func TestRequestShapeAndPositions(t *testing.T) {
	m := load(t, map[string]string{"main.tf": literal})
	_, root := m.Request(m.Resources[0])
	for ptr, want := range map[string]string{
		"/ApiName":                                     "tf-example",
		"/RequestConfig/RequestPath":                   "/example/[id]",
		"/ServiceConfig/ServiceAddress":                "http://apigateway-backend.alicloudapi.com:8080",
		"/ServiceConfig/ServiceTimeout":                "12",
		"/ServiceConfig/ServiceProtocol":               "HTTP",
		"/RequestParameters/1/DefaultValue":            "constantparamsvalue",
		"/ServiceParameters/1/ParameterCatalog":        "CONSTANT",
		"/ServiceParametersMap/2/ServiceParameterName": "clientIp",
		"/RequestParameters/2/Required":                "REQUIRED",
	} {
		n := root.Lookup(ptr)
		if n == nil {
			t.Errorf("%s missing", ptr)
			continue
		}
		if n.Scalar() != want {
			t.Errorf("%s = %q, want %q", ptr, n.Scalar(), want)
		}
	}
	if n := root.Lookup("/ServiceConfig/ServiceTimeout"); n.Kind != source.Number {
		t.Errorf("timeout kind = %v, want number", n.Kind)
	}
	if n := root.Lookup("/ServiceConfig/ServiceProtocol"); !n.Implicit {
		t.Error("ServiceProtocol is the provider's, it must be implicit")
	}
	n := root.Lookup("/RequestConfig/RequestPath")
	if n.Range.Start.Line != 10 || n.Range.Start.Col != 16 || n.KeyRange.Start.Col != 5 {
		t.Errorf("RequestPath at %+v key %+v, want 10:16 key col 5", n.Range, n.KeyRange)
	}
	if n.Implicit || n.Symbol() != "" {
		t.Errorf("RequestPath implicit=%v symbol=%q", n.Implicit, n.Symbol())
	}
}

func TestRequestKeepsUnknownsSymbolic(t *testing.T) {
	m := load(t, map[string]string{
		"mod/main.tf": strings.Replace(basic, `name        = var.name
  description = "tf example"`, `name        = var.api_name
  description = "tf example"`, 1),
	})
	var api *ResourceBlock
	for _, rb := range m.Resources {
		if rb.Type == APIResource.Type {
			api = rb
		}
	}
	_, root := m.Request(api)
	g := root.Lookup("/GroupId")
	if g == nil || g.Symbol() != facts.Symbolic("alicloud_api_gateway_group.example in mod", "alicloud_api_gateway_group.example") {
		t.Fatalf("GroupId = %+v, want the group resource as a symbolic key", g)
	}
	if n := root.Lookup("/ApiName"); n == nil || n.Symbol() != facts.Symbolic("var.api_name"+facts.QualSep+" in mod", "") {
		t.Fatalf("ApiName = %+v, want the variable without a value, symbolic", n)
	}
	if n := root.Lookup("/ServiceConfig/ServiceTimeout"); n == nil || n.Symbol() != facts.Symbolic("var.timeout"+facts.QualSep+" in mod", "") {
		t.Fatalf("ServiceTimeout = %+v", n)
	}
}

func TestRequestUnicodeColumns(t *testing.T) {
	m := load(t, map[string]string{"main.tf": "resource \"alicloud_api_gateway_api\" \"u\" {\n  description = \"中文\" # é\n  name = \"e\u0301\u0301x\"\n}\n"})
	_, root := m.Request(m.Resources[0])
	if n := root.Lookup("/ApiName"); n.Range.Start.Col != 10 || n.Range.End.Col != 16 {
		t.Errorf("ApiName range %+v, want columns 10-16 counted in characters", n.Range)
	}
	keys := []string{}
	for _, f := range root.Fields {
		keys = append(keys, f.Key)
	}
	sort.Strings(keys)
	if strings.Join(keys, ",") != "ApiName,AuthType,Description,GroupId,RequestConfig,ServiceConfig,Visibility" {
		t.Errorf("keys = %v", keys)
	}
	// The required arguments that are missing are reported by the
	// front-end; in the request they are placeholders the schema skips.
	for _, k := range []string{"AuthType", "GroupId", "RequestConfig", "ServiceConfig"} {
		if n := root.Get(k); n.Symbol() == "" {
			t.Errorf("%s = %+v, want a placeholder", k, n)
		}
	}
}
