package schema

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/source"
)

func TestSchemasAreValidDraft2020(t *testing.T) {
	t.Parallel()
	for _, op := range Ops {
		raw, err := Published(op)
		if err != nil {
			t.Fatal(err)
		}
		if err := ValidateAgainstMeta(raw); err != nil {
			t.Errorf("%s: %v", op, err)
		}
	}
	if err := ValidateAgainstMeta([]byte(`{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": 5}`)); err == nil {
		t.Error("an invalid schema must be refused")
	}
}

// jsonschema/v5 follows file:// and http(s):// references by default; a
// linter reading untrusted input must not.
func TestLoaderRefusesExternalRefs(t *testing.T) {
	t.Parallel()
	for _, ref := range []string{"file:///etc/passwd", "https://example.com/schema.json", "http://127.0.0.1:1/x.json", "other.json"} {
		doc := `{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "` + ref + `"}`
		err := ValidateAgainstMeta([]byte(doc))
		if err == nil || !strings.Contains(err.Error(), "refusing to load") {
			t.Errorf("%s: want a refusal, got %v", ref, err)
		}
	}
}

func TestEveryPropertyHasADescription(t *testing.T) {
	t.Parallel()
	for _, op := range Ops {
		s := MustGet(op)
		var walk func(path string, n any)
		walk = func(path string, n any) {
			m, ok := n.(map[string]any)
			if !ok {
				return
			}
			if props, ok := m["properties"].(map[string]any); ok {
				for k, p := range props {
					pm, _ := p.(map[string]any)
					if d, _ := pm["description"].(string); strings.TrimSpace(d) == "" {
						t.Errorf("%s: %s/%s has no description", op, path, k)
					}
				}
			}
			for k, v := range m {
				walk(path+"/"+k, v)
			}
		}
		walk("", s.Root)
	}
}

func TestDetect(t *testing.T) {
	t.Parallel()
	cases := []struct {
		src, op, rule string
	}{
		{"Action: CreateApi\n", CreateApi, ""},
		{"Action: CreateService\n", CreateService, ""},
		{"Action: CreateAPI\n", "", RuleUnknownOp},
		{"GroupId: g\nApiName: GetUser\n", CreateApi, ""},
		{"gatewayId: gw-1\nsourceType: K8S\n", CreateService, ""},
		{"gatewayId: gw-1\nApiName: x\n", "", RuleNotDef},
		{"ApiName: x\n", "", RuleNotDef},
		{"- a\n- b\n", "", RuleNotDef},
	}
	for _, c := range cases {
		f := source.Load("x.yaml", []byte(c.src), source.Options{})
		op, d := Detect(f.Docs[0].Root, "x.yaml", 0)
		rule := ""
		if d != nil {
			rule = d.Rule
		}
		if op != c.op || rule != c.rule {
			t.Errorf("%q: got %q/%q, want %q/%q", c.src, op, rule, c.op, c.rule)
		}
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	names := []string{"ApiName", "GroupId", "namespace", "RequestConfig"}
	for in, want := range map[string]string{"ApiNmae": "ApiName", "namepsace": "namespace", "requestconfig": "RequestConfig", "Zzz": "", "GroupIdentifier": ""} {
		if got := Suggest(in, names); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// One root cause, one diagnostic: a misspelt required key is reported as
// unknown (with the suggestion), not also as missing.
func TestOneDiagnosticPerRootCause(t *testing.T) {
	t.Parallel()
	src := "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceTyp: K8S\nserviceConfigs:\n  - name: users\n    namespace: default\n"
	f := source.Load("x.yaml", []byte(src), source.Options{})
	ds := Check(f.Docs[0].Root, CreateService, "x.yaml", 0)
	if len(ds) != 1 || ds[0].Rule != RuleUnknownField || !strings.Contains(ds[0].Message, `did you mean "sourceType"`) {
		t.Fatalf("got %+v", ds)
	}
	// Causes come from the validator in random order; output must not.
	bad := "Action: CreateApi\nApiName: a\nVisibility: x\nAuthType: y\nDescription: 5\nRequestConfig: {}\nServiceConfig: {}\n"
	var first string
	for i := 0; i < 20; i++ {
		f := source.Load("x.yaml", []byte(bad), source.Options{})
		var b strings.Builder
		for _, d := range Check(f.Docs[0].Root, CreateApi, "x.yaml", 0) {
			b.WriteString(d.Message + "\n")
		}
		if i == 0 {
			first = b.String()
		} else if b.String() != first {
			t.Fatalf("order changed between runs:\n%s\n---\n%s", first, b.String())
		}
	}
}

func TestHostileNumbersDoNotReachTheValidator(t *testing.T) {
	t.Parallel()
	src := "Action: CreateApi\nGroupId: g\nApiName: GetUser\nVisibility: PRIVATE\nForceNonceCheck: .inf\nRequestConfig: '{\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"RequestPath\": \"/a\", \"RequestMode\": \"MAPPING\"}'\nServiceConfig: '{\"ServiceProtocol\": \"HTTP\", \"ServiceAddress\": \"http://a\", \"ServiceTimeout\": 1e999999999}'\n"
	f := source.Load("x.yaml", []byte(src), source.Options{})
	ds := Check(f.Docs[0].Root, CreateApi, "x.yaml", 0)
	if len(ds) != 2 {
		t.Fatalf("want 2 diagnostics (.inf and 1e999999999), got %+v", ds)
	}
}
