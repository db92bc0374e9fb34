package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A value not known statically is never a reason for a finding: replacing
// any one literal of a clean or faulty real-shaped file by a value only
// the deployment knows (a Terraform variable without value, a ROS
// parameter without default) adds no finding. Run over the shipped
// examples and the real-world corpus, this found rules that took an
// unknown AuthType for "not APP" and an unknown backend protocol or path
// for "no path".
func TestUnknownValuesAddNoFinding(t *testing.T) {
	type variant struct {
		glob    string
		literal *regexp.Regexp // group 1 is replaced
		unknown string
		prepare func(string) string
		name    string
	}
	variants := []variant{
		{glob: "../../testdata/examples/terraform/main.tf", name: "main.tf",
			literal: regexp.MustCompile(`=\s*("(?:[^"\\$]|\\.)*"|\d+|true|false)`), unknown: "var.unset",
			prepare: func(s string) string { return "variable \"unset\" {}\n" + s }},
		{glob: "../../testdata/cases/terraform/provider-examples/main.tf", name: "main.tf",
			literal: regexp.MustCompile(`=\s*("(?:[^"\\$]|\\.)*"|\d+|true|false)`), unknown: "var.unset",
			prepare: func(s string) string { return "variable \"unset\" {}\n" + s }},
		{glob: "../../testdata/realworld/terraform/*/main.tf", name: "main.tf",
			literal: regexp.MustCompile(`=\s*("(?:[^"\\$]|\\.)*"|\d+|true|false)`), unknown: "var.unset",
			prepare: func(s string) string { return "variable \"unset\" {}\n" + s }},
		{glob: "../../testdata/examples/templates/*.ros.yaml", name: "t.ros.yaml",
			literal: regexp.MustCompile(`(?m)^\s+(?:AuthType|ServiceProtocol|ServicePath|RequestPath|Location|ApiParameterName|ServiceParameterName|RequestHttpMethod|AllowSignatureMethod): ([A-Za-z0-9/\[\]_.:\-]+)\s*$`),
			unknown: "{Ref: UnsetParam}",
			prepare: func(s string) string {
				return strings.Replace(s, "Parameters:\n", "Parameters:\n  UnsetParam:\n    Type: String\n", 1)
			}},
		{glob: "../../testdata/realworld/ros/*.yml", name: "t.ros.yaml",
			literal: regexp.MustCompile(`(?m)^\s+(?:AuthType|ServiceProtocol|ServicePath|RequestPath|Location|ApiParameterName|ServiceParameterName|RequestHttpMethod|AllowSignatureMethod|AppCodeAuthType): ([A-Za-z0-9/\[\]_.:\-]+)\s*$`),
			unknown: "{Ref: UnsetParam}",
			prepare: func(s string) string {
				return strings.Replace(s, "Parameters:\n", "Parameters:\n  UnsetParam:\n    Type: String\n", 1)
			}},
		{glob: "../../testdata/realworld/sdevs/*/s*.yaml", name: "s.yaml",
			literal: regexp.MustCompile(`(?m)^\s+-?\s*(?:authType|serviceProtocol|servicePath|requestPath|location|apiParameterName|serviceParameterName|requestHttpMethod|allowSignatureMethod): ([A-Za-z0-9/\[\]_.:\-]+)\s*$`),
			unknown: "'${env(UNSET_X)}'",
			prepare: func(s string) string { return s }},
	}
	tried := 0
	for _, v := range variants {
		files, _ := filepath.Glob(v.glob)
		if len(files) == 0 {
			t.Fatalf("no file for %s", v.glob)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			text := v.prepare(string(data))
			if !strings.Contains(text, "UnsetParam") && strings.Contains(v.unknown, "UnsetParam") {
				continue // a template without Parameters
			}
			findings := func(s string) map[string]bool {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, v.name), []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
				res, err := Run(Options{Paths: []string{"."}, Dir: dir, ProjectRoot: dir})
				if err != nil {
					t.Fatal(err)
				}
				out := map[string]bool{}
				for _, d := range res.Diags {
					out[d.Rule+": "+d.Message] = true
				}
				return out
			}
			base := findings(text)
			for _, m := range v.literal.FindAllStringSubmatchIndex(text, -1) {
				tried++
				changed := text[:m[2]] + v.unknown + text[m[3]:]
				for f := range findings(changed) {
					if !base[f] {
						line := strings.Count(text[:m[2]], "\n") + 1
						t.Errorf("%s:%d: %q made unknown adds %s", file, line, text[m[2]:m[3]], f)
					}
				}
			}
		}
	}
	if tried < 150 {
		t.Errorf("only %d substitutions: the patterns no longer match the files", tried)
	}
	t.Logf("%d substitutions", tried)
}
