package terraform

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/frontend"
)

func TestConfigOverTheLimitIsNotParsed(t *testing.T) {
	big := bytes.Repeat([]byte("# padding\n"), MaxConfigSize/10+1)
	defs := 0
	f := loadConfig("big.tf", "big.tf", append([]byte(basic), big...), func(*frontend.Definition) { defs++ })
	if defs != 0 || len(f.Problems) != 1 || f.Problems[0].Rule != "limit" {
		t.Fatalf("defs %d, problems %+v; want one limit problem", defs, f.Problems)
	}
}

// A file is read with the declarations of the other files of its
// directory, and a changed sibling is read again.
func TestSiblingsGiveValues(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("variables.tf", "variable \"method\" { default = \"GET\" }\n")
	write("terraform.tfvars", "method = \"POST\"\n")
	write("other.tf", "resource \"alicloud_api_gateway_api\" \"other\" {\n  name = \"x\"\n}\n")
	main := filepath.Join(dir, "main.tf")
	src := "resource \"alicloud_api_gateway_api\" \"a\" {\n  request_config {\n    method = var.method\n  }\n}\n"
	method := func() string {
		var got string
		n := 0
		loadConfig(main, main, []byte(src), func(d *frontend.Definition) {
			n++
			got = d.Root.Lookup("/RequestConfig/RequestHttpMethod").Value
		})
		if n != 1 {
			t.Fatalf("%d definitions, want only main.tf's own", n)
		}
		return got
	}
	if got := method(); got != "POST" {
		t.Fatalf("method = %q, want the tfvars value", got)
	}
	write("terraform.tfvars", "method = \"PATCH\" # changed, and longer\n")
	if got := method(); got != "PATCH" {
		t.Fatalf("method = %q after the tfvars changed, want PATCH", got)
	}
	if err := os.Remove(filepath.Join(dir, "terraform.tfvars")); err != nil {
		t.Fatal(err)
	}
	if got := method(); got != "GET" {
		t.Fatalf("method = %q without tfvars, want the default", got)
	}
}

// An override file holds pieces of blocks declared elsewhere: its
// resource blocks are not checked as resources (they would lack every
// required argument).
func TestOverrideFileResourcesNotChecked(t *testing.T) {
	piece := "resource \"alicloud_api_gateway_api\" \"get\" {\n  description = \"overridden\"\n}\n"
	for _, name := range []string{"override.tf", "api_override.tf", "override.tf.json"} {
		data := []byte(piece)
		if strings.HasSuffix(name, ".json") {
			data = []byte(`{"resource": {"alicloud_api_gateway_api": {"get": {"description": "overridden"}}}}`)
		}
		defs := 0
		f := loadConfig(name, name, data, func(*frontend.Definition) { defs++ })
		if defs != 0 || len(f.Problems) != 0 {
			t.Errorf("%s: %d definitions, problems %v", name, defs, f.Problems)
		}
	}
	defs := 0
	loadConfig("main.tf", "main.tf", []byte(piece), func(*frontend.Definition) { defs++ })
	if defs != 1 {
		t.Errorf("main.tf: %d definitions, want the block read as a resource", defs)
	}
}
