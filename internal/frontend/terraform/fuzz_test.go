package terraform

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// FuzzTerraform: any bytes, as a .tf or a .tf.json file, are read without
// a panic, and every definition they give passes through the schema check.
func FuzzTerraform(f *testing.F) {
	f.Add([]byte(basic), false)
	f.Add([]byte(literal), false)
	f.Add([]byte(`{"resource":{"alicloud_api_gateway_api":{"j":{"name":"${var.x}","request_config":[{"path":"/a"}]}}}}`), true)
	f.Add([]byte("resource \"alicloud_api_gateway_api\" \"a\" {\n  count = 3\n  request_config = [{ path = \"/${count.index}\" }]\n  for_each = {a = 1}\n}\n"), false)
	f.Add([]byte("variable \"v\" { default = [1, 2] }\nlocals { a = local.b\n b = local.a }\nresource \"alicloud_api_gateway_api\" \"a\" {\n  for_each = toset(var.v)\n  name = each.value\n  dynamic \"request_parameters\" {\n    for_each = var.v\n    content { name = request_parameters.value }\n  }\n}\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, json bool) {
		path := "fuzz.tf"
		if json {
			path = "fuzz.tf.json"
		}
		loadConfig(path, data, func(d *frontend.Definition) {
			schema.Check(d.Root, d.Op, path, d.Doc)
		})
		if json {
			loadPlan("plan.json", data, func(d *frontend.Definition) {
				if d.Root != nil {
					schema.Check(d.Root, d.Op, "plan.json", d.Doc)
				}
			})
		}
		_ = source.Text(path, data)
	})
}
