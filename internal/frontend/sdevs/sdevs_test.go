package sdevs

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/source"
)

func defs(t *testing.T, src string) []*frontend.Definition {
	t.Helper()
	var out []*frontend.Definition
	f := load("s.yaml", []byte(src), func(d *frontend.Definition) { out = append(out, d) })
	if len(f.Problems) > 0 {
		t.Fatalf("problems: %v", f.Problems)
	}
	return out
}

func value(n *source.Node) string {
	switch {
	case n == nil:
		return "<absent>"
	case n.Symbol() != "":
		return "sym:" + strings.ReplaceAll(strings.TrimPrefix(n.Symbol(), "\x00"), "\x1f", "|")
	case n.Implicit:
		return "implicit:" + n.Scalar()
	}
	return n.Scalar()
}

// The group is keyed by region and name, an API's own settings stay in
// force for the APIs after it, keys are title-cased, variables resolve,
// other placeholders are symbolic, the component's defaults are implicit.
func TestAPIs(t *testing.T) {
	d := defs(t, `edition: 1.0.0
vars:
  g: shop
  sub: {name: nested}
services:
  gw:
    component: apigateway@0.0.12
    props:
      groupName: ${vars.g}
      apis:
        - apiName: a
          description: ${vars.sub.name}-${vars.g}
        - apiName: b
          regionId: cn-beijing
          groupName: other
          description: ${env(HOME)}
          groupId: ignored
        - apiName: c
          requestConfig: {requestPath: /c}
`)
	if len(d) != 3 {
		t.Fatalf("%d definitions", len(d))
	}
	want := []string{"sym:devs:cn-hongkong/shop|shop", "sym:devs:cn-beijing/other|other", "sym:devs:cn-beijing/other|other"}
	for i, def := range d {
		if got := value(def.Root.Get("GroupId")); got != want[i] {
			t.Errorf("api %d group %q, want %q", i, got, want[i])
		}
		if def.Root.Get("RegionId") != nil || def.Root.Get("GroupName") != nil {
			t.Errorf("api %d: component settings sent as parameters", i)
		}
	}
	if got := value(d[0].Root.Get("Description")); got != "nested-shop" {
		t.Errorf("vars: %q", got)
	}
	if got := value(d[1].Root.Get("Description")); !strings.HasPrefix(got, "sym:devs:s.yaml@") {
		t.Errorf("env: %q", got)
	}
	rc := d[2].Root.Get("RequestConfig")
	if value(rc.Get("requestPath")) != "/c" || value(rc.Get("RequestHttpMethod")) != "implicit:ANY" ||
		value(rc.Get("RequestProtocol")) != "implicit:HTTP,HTTPS,WS" || value(d[2].Root.Get("Visibility")) != "implicit:PRIVATE" {
		t.Errorf("defaults: %v %v", value(rc.Get("RequestHttpMethod")), value(rc.Get("RequestProtocol")))
	}
	if value(d[0].Root.Lookup("/RequestConfig/RequestPath")) != "implicit:/*" {
		t.Errorf("no requestConfig: %v", value(d[0].Root.Lookup("/RequestConfig/RequestPath")))
	}
}

// Serverless Devs 3.x (resources:) and a component given as a local path
// are recognised by the props' shape; another component is not an API, and
// a file without one is not a definition.
func TestDetection(t *testing.T) {
	d := defs(t, "edition: 3.0.0\nresources:\n  gw:\n    component: ../lib\n    props:\n      apis:\n        - apiName: x\n          requestConfig: {requestPath: /x}\n  fn:\n    component: fc3\n    props: {apis: []}\n")
	if len(d) != 1 || d[0].Op != "CreateApi" {
		t.Fatalf("%+v", d)
	}
	d = defs(t, "edition: 1.0.0\nservices:\n  fn:\n    component: fc\n    props: {region: x}\n")
	if len(d) != 1 || d[0].Problem == nil || d[0].Problem.Rule != "not-a-definition" {
		t.Fatalf("%+v", d)
	}
	if match("s.json", []byte("services component apis")) || !match("s.yml", []byte("services: {a: {component: apigateway, props: {apis: []}}}")) {
		t.Error("match")
	}
}

// An apigateway service without APIs (or with apis that are not a list)
// has no definitions; nothing crashes.
func TestNoAPIs(t *testing.T) {
	for _, props := range []string{"{}", "{apis: 3}", "{apis: {a: 1}}", "{apis: [1, null]}", "null"} {
		d := defs(t, "edition: 1.0.0\nservices:\n  gw:\n    component: apigateway\n    props: "+props+"\n")
		if len(d) != 1 || d[0].Problem == nil {
			t.Errorf("%s: %+v", props, d)
		}
	}
}
