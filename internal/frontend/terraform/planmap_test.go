package terraform

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apigwlint/apigwlint/internal/frontend"
)

// copyTree copies the plan-module-tree case into a temporary directory,
// leaving out what skip names.
func copyTree(t *testing.T, skip string) string {
	t.Helper()
	src := filepath.Join("..", "..", "..", "testdata", "cases", "terraform", "plan-module-tree")
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if skip != "" && (rel == skip || filepath.Dir(rel) == skip) {
			if info.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func planDefs(t *testing.T, dir string) []frontend.Definition {
	t.Helper()
	real := filepath.Join(dir, "plan.json")
	data, err := os.ReadFile(real)
	if err != nil {
		t.Fatal(err)
	}
	var out []frontend.Definition
	PlanFrontend.LoadAt(real, "ci/plan.json", data, func(d *frontend.Definition) { out = append(out, *d) })
	return out
}

// A planned resource is placed at its block: through modules.json, else
// through the local source of the plan's module_calls; its values at
// their arguments; without the configuration it stays in the plan.
func TestPlanPlacedAtConfiguration(t *testing.T) {
	for _, tc := range []struct {
		name, skip, file string
		line             int
	}{
		{"modules.json", "", "ci/modules/api/main.tf", 19},
		{"module_calls source", ".terraform/modules", "ci/modules/api/main.tf", 19},
		{"no configuration", "modules/api", "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defs := planDefs(t, copyTree(t, tc.skip))
			if len(defs) != 3 {
				t.Fatalf("%d definitions, want 3", len(defs))
			}
			d := defs[0]
			if d.Label != `module.api.alicloud_api_gateway_api.this["GetUser"]` || d.File != tc.file {
				t.Fatalf("label %q file %q, want file %q", d.Label, d.File, tc.file)
			}
			p := d.Root.Lookup("/RequestConfig/RequestPath")
			if p == nil || p.Value != "/users/[userId]" {
				t.Fatalf("path %+v", p)
			}
			if tc.file == "" {
				if p.Range.Start.Line < 30 {
					t.Errorf("path at %v: not in the plan", p.Range)
				}
				return
			}
			if p.Range.Start.Line != 19 || p.Range.Start.Col != 16 {
				t.Errorf("path at %v, want 19:16 (the expression in the block)", p.Range.Start)
			}
			if !p.Computed {
				t.Error("a value from an expression must be marked computed")
			}
			// A value the plan has but the block does not write sits at
			// the block's header.
			if m := d.Root.Lookup("/ServiceConfig/ServiceTimeout"); m == nil || m.Range.Start.Line != 29 {
				t.Errorf("timeout at %+v, want line 29 (written in the block)", m)
			}
		})
	}
}
