package terraform

import (
	"math/rand"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/schema"
)

// Mutated configurations (bytes changed, dropped, and pieces of HCL that
// make expressions heavy inserted) are read without a panic or a hang, as
// .tf and as .tf.json, and every definition they give goes through the
// schema check. This is a seeded random test rather than a fuzz target:
// under go test -fuzz the coverage instrumentation of HCL's generated
// scanner makes an execution take seconds, so a fuzz target would run a
// handful of inputs in CI.
func TestMutatedConfigsNeverHang(t *testing.T) {
	seeds := []string{basic, literal,
		`{"resource":{"alicloud_api_gateway_api":{"j":{"name":"${var.x}","request_config":[{"path":"/a"}]}}}}`,
		"variable \"v\" { default = [1, 2] }\nlocals { a = local.b\n b = local.a }\nresource \"alicloud_api_gateway_api\" \"a\" {\n  for_each = toset(var.v)\n  name = each.value\n  dynamic \"request_parameters\" {\n    for_each = var.v\n    content { name = request_parameters.value }\n  }\n  request_config = [{ path = \"/${count.index}\" }]\n}\n",
	}
	pieces := []string{"${", "}", "count", "for_each", "local.", "var.", "each.value", "[", "{", "\"", "%", "*", "1e999999999",
		"format(\"%099999999d\", 1)", "[for i in var.v : i]", "<<EOT\n", "\nEOT\n", "dynamic \"x\" {", "content {", "= {", "= [{"}
	r := rand.New(rand.NewSource(7))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		s := []byte(seeds[r.Intn(len(seeds))])
		for k := 0; k < 1+r.Intn(5); k++ {
			j := r.Intn(len(s))
			switch r.Intn(3) {
			case 0:
				s[j] = byte(r.Intn(256))
			case 1:
				s = append(s[:j], s[j+1:]...)
			default:
				s = append(s[:j], append([]byte(pieces[r.Intn(len(pieces))]), s[j:]...)...)
			}
		}
		path := "mutated.tf"
		if s[0] == '{' {
			path = "mutated.tf.json"
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			loadConfig(path, path, s, func(d *frontend.Definition) {
				schema.Check(d.Root, d.Op, path, d.Doc)
			})
			loadPlan("plan.json", "plan.json", s, func(*frontend.Definition) {})
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("input %d did not finish in 20 s:\n%s", i, s)
		}
	}
}
