package rules_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

var idRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestCatalog checks what every rule owes its users: a stable kebab-case
// id, a known operation, a document, and (for rules with code) a file named
// after the id.
func TestCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		if !idRE.MatchString(r.ID) {
			t.Errorf("rule id %q is not kebab-case", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule id %q is registered twice", r.ID)
		}
		seen[r.ID] = true
		if rules.ByID(r.ID) != r {
			t.Errorf("ByID(%q) does not return the rule", r.ID)
		}
		switch r.Op {
		case "", schema.CreateApi, schema.CreateService:
		default:
			t.Errorf("%s: unknown operation %q", r.ID, r.Op)
		}
		d := r.Doc
		if strings.TrimSpace(d.Summary) == "" || strings.TrimSpace(d.Why) == "" {
			t.Errorf("%s: the doc needs a Summary and a Why", r.ID)
		}
		if strings.Contains(d.Summary, "\n") {
			t.Errorf("%s: the Summary must be one line", r.ID)
		}
		switch r.Kind {
		case rules.Project:
			if len(d.BadFiles) == 0 || len(d.GoodFiles) == 0 {
				t.Errorf("%s: a project rule needs BadFiles and GoodFiles examples", r.ID)
			}
			if r.CheckProject == nil {
				t.Errorf("%s: a project rule needs CheckProject", r.ID)
			}
		default:
			if strings.TrimSpace(d.Bad) == "" || strings.TrimSpace(d.Good) == "" {
				t.Errorf("%s: the doc needs a Bad and a Good example", r.ID)
			}
		}
		if r.Kind == rules.Definition {
			if r.Check == nil {
				t.Errorf("%s: a definition rule needs Check", r.ID)
			}
			file := strings.ReplaceAll(r.ID, "-", "_") + ".go"
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s: its code belongs in rules/%s", r.ID, file)
			}
		}
	}
}

// TestDocExamples lints every single-file example: the failing one must
// fire the rule, and nothing else; the passing one must lint clean. So the
// documentation cannot drift from what the rules do.
func TestDocExamples(t *testing.T) {
	if err := schema.Init(); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All() {
		if r.Kind == rules.Project {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			// An off-by-default rule is documented as it works when enabled.
			enabled := func(x *rules.Rule, _ string) diag.Severity {
				if x == r && x.Severity == diag.Off {
					return diag.Warning
				}
				return x.Severity
			}
			bad := lint.CheckOne("bad.yaml", rules.ExpandExample(r.Doc.Bad), enabled)
			fired := false
			for _, d := range bad {
				if d.Rule == r.ID {
					fired = true
				} else {
					t.Errorf("the failing example also fires %s at %d:%d: %s", d.Rule, d.Range.Start.Line, d.Range.Start.Col, d.Message)
				}
			}
			if !fired {
				t.Errorf("the failing example does not fire %s", r.ID)
			}
			good := lint.CheckOne("good.yaml", rules.ExpandExample(r.Doc.Good), enabled)
			for _, d := range good {
				t.Errorf("the passing example is not clean: %s at %d:%d: %s", d.Rule, d.Range.Start.Line, d.Range.Start.Col, d.Message)
			}
		})
	}
}

// TestSeverities pins the default severity of a few rules whose severity is
// a decision (see their comments), so that a change is deliberate.
func TestSeverities(t *testing.T) {
	want := map[string]diag.Severity{
		"path-param-undeclared":              diag.Error,
		"signature-method-requires-app-auth": diag.Error,
		"appcode-requires-app-auth":          diag.Error,
		"body-on-get":                        diag.Warning,
		"body-format-missing":                diag.Off,
		"address-format":                     diag.Error,
		"unknown-field":                      diag.Error,
		"unknown-nested-field":               diag.Warning,
		"service-timeout-missing":            diag.Warning,
		"param-type-number":                  diag.Warning,
		"path-param-braces":                  diag.Warning,
	}
	for id, sev := range want {
		r := rules.ByID(id)
		if r == nil {
			t.Errorf("no rule %s", id)
			continue
		}
		if r.Severity != sev {
			t.Errorf("%s: severity %s, want %s", id, r.Severity, sev)
		}
	}
}

// TestBodyFormatMissing covers the one rule that is off by default, which
// the case suite (linting with default severities) cannot show firing.
func TestBodyFormatMissing(t *testing.T) {
	def := func(method, mode, format string) string {
		rc := "{RequestProtocol: HTTPS, RequestHttpMethod: " + method + ", RequestPath: /users"
		if mode != "" {
			rc += ", RequestMode: " + mode
		}
		if format != "" {
			rc += ", BodyFormat: " + format
		}
		return "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: CreateUser\nVisibility: PRIVATE\nAuthType: APP\n" +
			"RequestConfig: " + rc + "}\nServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://u:80', ServiceTimeout: 3000}\n"
	}
	for _, tc := range []struct {
		method, mode, format string
		fires                bool
	}{
		{"POST", "MAPPING", "", true},
		{"put", "Mapping", "", true},
		{"PATCH", "MAPPING", "", true},
		{"POST", "MAPPING", "FORM", false},
		{"POST", "PASSTHROUGH", "", false},
		{"POST", "", "", false}, // the default mode is not documented
		{"GET", "MAPPING", "", false},
		{"DELETE", "MAPPING", "", false},
	} {
		res := lint.CheckBytes("x.yaml", []byte(def(tc.method, tc.mode, tc.format)), true)
		fired := false
		for _, d := range res.Diags {
			if d.Rule == "body-format-missing" {
				fired = true
				if d.Range.Start.Line != 6 {
					t.Errorf("%v: reported on line %d, want 6 (RequestConfig)", tc, d.Range.Start.Line)
				}
			}
		}
		if fired != tc.fires {
			t.Errorf("%v: fired = %v, want %v", tc, fired, tc.fires)
		}
	}
}
