package terraform

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zclconf/go-cty/cty"
)

func load(t *testing.T, files map[string]string) *Module {
	t.Helper()
	var in []Input
	for p, s := range files {
		in = append(in, Input{Path: p, Data: []byte(s)})
	}
	sort.Slice(in, func(i, j int) bool { return in[i].Path < in[j].Path })
	return Load(in)
}

func problems(m *Module) []string {
	var out []string
	all := append([]Problem(nil), m.Problems...)
	for _, r := range m.Resources {
		all = append(all, r.Problems...)
	}
	for _, p := range all {
		out = append(out, fmt.Sprintf("%s:%d:%d %s: %s", p.Range.Filename, p.Range.Start.Line, p.Range.Start.Column, p.Rule, p.Message))
	}
	return out
}

// The provider documentation's basic example, with a group reference,
// variables from a default and from terraform.tfvars, and a local.
const basic = `
variable "name" {
  default = "tf-example"
}
variable "timeout" {
  type = number
}
locals {
  base = "/web"
  path = "${local.base}/cloudapi"
}
resource "alicloud_api_gateway_group" "example" {
  name        = var.name
  description = var.name
}
resource "alicloud_api_gateway_api" "example" {
  group_id    = alicloud_api_gateway_group.example.id
  name        = var.name
  description = "tf example"
  auth_type   = "APP"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/example/path"
    mode     = "MAPPING"
  }
  service_type = "HTTP"
  http_service_config {
    address = "http://apigateway-backend.alicloudapi.com:8080"
    method  = "GET"
    path    = local.path
    timeout = var.timeout
    aone_name = "cloudapi-openapi"
  }
  request_parameters {
    name         = "aaa"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "testparams"
  }
  stage_names = ["RELEASE", "PRE", "TEST"]
}
`

func TestLoadResolvesWhatIsStatic(t *testing.T) {
	m := load(t, map[string]string{"main.tf": basic, "terraform.tfvars": "timeout = 12\n"})
	if got := problems(m); len(got) != 0 {
		t.Fatalf("problems on the provider's own example: %v", got)
	}
	if len(m.Resources) != 2 {
		t.Fatalf("resources = %d, want 2", len(m.Resources))
	}
	api := m.Resources[1]
	if api.Type != "alicloud_api_gateway_api" || api.Name != "example" {
		t.Fatalf("second resource = %s.%s", api.Type, api.Name)
	}
	if v := m.Eval(api.Body.Attrs["name"].Expr); v != cty.StringVal("tf-example") {
		t.Errorf("name = %#v, want the variable's default", v)
	}
	if v := m.Eval(api.Body.Attrs["group_id"].Expr); v.IsKnown() {
		t.Errorf("group_id = %#v, want unknown (a resource attribute)", v)
	}
	hs := api.Body.Blocks["http_service_config"][0].Body
	if v := m.Eval(hs.Attrs["path"].Expr); v != cty.StringVal("/web/cloudapi") {
		t.Errorf("path = %#v, want the template of two locals", v)
	}
	if v := m.Eval(hs.Attrs["timeout"].Expr); !v.RawEquals(cty.NumberIntVal(12)) {
		t.Errorf("timeout = %#v, want the tfvars value", v)
	}
	if r := api.Body.Attrs["name"].NameRange; r.Start.Line != 18 || r.Start.Column != 3 {
		t.Errorf("name at %d:%d, want 18:3", r.Start.Line, r.Start.Column)
	}
}

func TestLoadReportsWhatTheProviderRejects(t *testing.T) {
	m := load(t, map[string]string{"main.tf": `
resource "alicloud_api_gateway_api" "bad" {
  group_id    = "abc"
  name        = "x"
  descripton  = "typo"
  auth_type   = "APP"
  visibility  = "PRIVATE"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/a"
    mode     = "MAPPING"
  }
  request_config {
    protocol = "HTTP"
  }
  service_type = "HTTP"
  stage_names { }
}
`})
	got := strings.Join(problems(m), "\n")
	for _, w := range []string{
		`main.tf:2:10 schema: alicloud_api_gateway_api "bad" is missing the required argument "description"`,
		`main.tf:5:3 unknown-field: unknown argument "descripton"; did you mean "description"?`,
		`main.tf:7:3 unknown-field: unknown argument "visibility"`,
		`main.tf:14:3 schema: block "request_config" is missing the required argument "method"`,
		`main.tf:14:3 schema: block "request_config" may be given only once`,
		`main.tf:18:3 schema: "stage_names" is an argument, not a block`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
}

func TestLegacyBlockAsArgument(t *testing.T) {
	m := load(t, map[string]string{"main.tf": `
resource "alicloud_api_gateway_api" "old" {
  group_id     = "${alicloud_api_gateway_group.g.id}"
  name         = "old"
  description  = "0.11"
  auth_type    = "APP"
  service_type = "HTTP"
  request_config = {
    protocol = "HTTP"
    method   = "GET"
    path     = "/old"
    mode     = "MAPPING"
  }
  http_service_config = [{
    address = "http://old.internal"
    method  = "GET"
    path    = "/old"
    timeout = 10
  }]
  mock_service_config = var.mock
}
`})
	if got := problems(m); len(got) != 0 {
		t.Fatalf("problems: %v", got)
	}
	r := m.Resources[0]
	rc := r.Body.Blocks["request_config"]
	if len(rc) != 1 || rc[0].Body.Attrs["path"] == nil || r.Body.Attrs["request_config"] != nil {
		t.Fatalf("request_config = %+v, want it read as a block", rc)
	}
	if len(r.Body.Blocks["http_service_config"]) != 1 {
		t.Fatalf("a list of one object is one block")
	}
	if a := r.Body.Attrs["mock_service_config"]; a == nil || !a.Legacy {
		t.Fatalf("a variable for a block stays a legacy argument: %+v", a)
	}
	_, root := m.Request(r)
	if n := root.Lookup("/RequestConfig/RequestPath"); n == nil || n.Value != "/old" || n.Range.Start.Line != 11 {
		t.Fatalf("RequestPath = %+v, want /old at line 11", n)
	}
	if n := root.Lookup("/ServiceConfig/ServiceAddress"); n == nil || n.Value != "http://old.internal" {
		t.Fatalf("ServiceAddress = %+v", n)
	}
}

func TestDynamicBlockIsATemplate(t *testing.T) {
	m := load(t, map[string]string{"main.tf": `
variable "params" {
  type    = list(object({ name = string }))
  default = []
}
resource "alicloud_api_gateway_api" "d" {
  count        = 2
  group_id     = var.group
  name         = "d-${count.index}"
  description  = "dyn"
  auth_type    = "APP"
  service_type = "MOCK"
  dynamic "request_config" {
    for_each = var.cfg
    content {
      protocol = request_config.value.protocol
      method   = "GET"
      path     = "/d"
      mode     = "MAPPING"
    }
  }
  mock_service_config {
    result = "ok"
  }
  dynamic "request_parameters" {
    for_each = var.params
    iterator = p
    content {
      name = p.value.name
      type = "STRING"
      required = "OPTIONAL"
      in = "QUERY"
      in_service = "QUERY"
      name_service = p.value.name
      bogus = 1
    }
  }
}
`})
	got := problems(m)
	if len(got) != 1 || !strings.Contains(got[0], `unknown argument "bogus"`) {
		t.Fatalf("problems = %v, want only the unknown argument inside the dynamic content", got)
	}
	r := m.Resources[0]
	if !r.Counted {
		t.Error("count not seen")
	}
	rc := r.Body.Blocks["request_config"][0]
	if !rc.Dynamic || rc.Body.Attrs["protocol"] == nil {
		t.Fatalf("dynamic request_config = %+v", rc)
	}
	if v := m.Eval(rc.Body.Attrs["protocol"].Expr); v.IsKnown() {
		t.Errorf("iterator value = %#v, want unknown", v)
	}
	if v := m.Eval(r.Body.Attrs["name"].Expr); v.IsKnown() {
		t.Errorf("name with count.index = %#v, want unknown", v)
	}
	if p := r.Body.Blocks["request_parameters"][0]; p.Iterator != "p" {
		t.Errorf("iterator = %q, want p", p.Iterator)
	}
}

func TestJSONSyntax(t *testing.T) {
	m := load(t, map[string]string{"api.tf.json": `{
  "variable": {"method": {"default": "POST"}},
  "resource": {
    "alicloud_api_gateway_api": {
      "j": {
        "group_id": "${alicloud_api_gateway_group.g.id}",
        "name": "json-api",
        "description": "d",
        "auth_type": "ANONYMOUS",
        "service_type": "MOCK",
        "request_config": {"protocol": "HTTP", "method": "${var.method}", "path": "/j", "mode": "PASSTHROUGH"},
        "mock_service_config": [{"result": "ok"}],
        "request_protocol": "HTTP"
      }
    }
  }
}`})
	got := problems(m)
	if len(got) != 1 || !strings.Contains(got[0], `api.tf.json:13:9 unknown-field: unknown argument "request_protocol"`) {
		t.Fatalf("problems = %v", got)
	}
	rc := m.Resources[0].Body.Blocks["request_config"][0].Body
	if v := m.Eval(rc.Attrs["method"].Expr); v != cty.StringVal("POST") {
		t.Errorf("method = %#v, want the variable's default", v)
	}
}

func TestSyntaxErrorKeepsOtherFiles(t *testing.T) {
	m := load(t, map[string]string{"a.tf": "resource \"alicloud_api_gateway_api\" \"x\" {\n  name = \n}\n", "b.tf": basic})
	got := problems(m)
	if len(got) == 0 || !strings.HasPrefix(got[0], "a.tf:2:") {
		t.Fatalf("problems = %v, want a syntax error in a.tf", got)
	}
	found := false
	for _, r := range m.Resources {
		found = found || (r.Name == "example" && r.Type == "alicloud_api_gateway_api")
	}
	if !found {
		t.Error("b.tf's resources were dropped")
	}
}

func TestTfvarsOrder(t *testing.T) {
	m := load(t, map[string]string{
		"main.tf":               `variable "v" { default = "default" }` + "\nlocals { x = var.v }\n",
		"terraform.tfvars":      `v = "tfvars"`,
		"b.auto.tfvars":         `v = "b-auto"`,
		"a.auto.tfvars":         `v = "a-auto"`,
		"other.tfvars":          `v = "not loaded"`,
		"terraform.tfvars.json": `{"v": "tfvars-json"}`,
	})
	if got := m.locals["x"]; got != cty.StringVal("b-auto") {
		t.Errorf("x = %#v, want the last *.auto.tfvars in lexical order", got)
	}
}

// A few bytes that would make evaluation build gigabytes (huge number
// literals turned into strings, wide format verbs, range) are symbolic,
// and the file is read at once.
func TestHostileExpressions(t *testing.T) {
	data, err := os.ReadFile("testdata/hostile.tf")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan *Module, 1)
	go func() { done <- Load([]Input{{Path: "hostile.tf", Data: data}}) }()
	select {
	case m := <-done:
		_, root := m.Request(m.Resources[0])
		for _, p := range []string{"/AuthType", "/GroupId", "/RequestConfig/RequestHttpMethod"} {
			if n := root.Lookup(p); n == nil || n.Symbol() == "" {
				t.Errorf("%s = %+v, want symbolic", p, n)
			}
		}
		if n := root.Lookup("/RequestConfig/RequestPath"); n == nil || len(n.Value) > 40 {
			t.Errorf("RequestPath = %+v, want a short approximation of 1e99999999", n)
		}
		if n := root.Lookup("/ApiName"); n == nil || len(n.Value) > 40 {
			t.Errorf("ApiName = %+v, want a short text", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading the file did not finish in 10 s")
	}
}
