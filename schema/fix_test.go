package schema

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/source"
)

// checkFixes checks every definition of a request file with its text, and
// returns the diagnostics with their fixes mapped to the bytes as given.
func checkFixes(t *testing.T, name, text string) []diag.Diagnostic {
	t.Helper()
	f := source.Load(name, []byte(text), source.DefaultOptions)
	if len(f.Problems) > 0 {
		t.Fatalf("%s does not load: %v", name, f.Problems)
	}
	var out []diag.Diagnostic
	for _, doc := range f.Docs {
		op, d := Detect(doc.Root, name, doc.Index)
		if d != nil {
			t.Fatalf("%s: %s", name, d.Message)
		}
		out = append(out, CheckFile(doc.Root, op, name, doc.Index, doc.File, nil)...)
	}
	for i := range out {
		f.RawFixes(out[i].Fixes)
	}
	return out
}

const fixAPI = `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`

// TestFixUnknownKey: a misspelt key with one close candidate is renamed
// in place, its quoting kept, in YAML, JSON and JSON strings held by
// either; the fixed text has no finding left.
func TestFixUnknownKey(t *testing.T) {
	cases := []struct {
		name, in, out, rule string
	}{
		{"plain.yaml", strings.Replace(fixAPI, "Visibility:", "Visiblity:", 1), fixAPI, RuleUnknownField},
		{"double.yaml", strings.Replace(fixAPI, "Visibility:", `"Visiblity":`, 1), strings.Replace(fixAPI, "Visibility:", `"Visibility":`, 1), RuleUnknownField},
		{"single.yaml", strings.Replace(fixAPI, "Visibility:", `'Visiblity' :`, 1), strings.Replace(fixAPI, "Visibility:", `'Visibility' :`, 1), RuleUnknownField},
		{"case.yaml", strings.Replace(fixAPI, "ApiName:", "apiname:", 1), fixAPI, RuleUnknownField},
		{"flow.yaml", strings.Replace(fixAPI, "RequestMode: MAPPING}", "RequestMode: MAPPING, BodyFromat: FORM}", 1),
			strings.Replace(fixAPI, "RequestMode: MAPPING}", "RequestMode: MAPPING, BodyFormat: FORM}", 1), RuleUnknownNested},
		{"embedded-single.yaml",
			"Action: CreateApi\nGroupId: g\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\nRequestConfig: '{\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"RequestPth\": \"/u\", \"RequestMode\": \"MAPPING\"}'\nServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://u', ServiceTimeout: 3000}\n",
			"Action: CreateApi\nGroupId: g\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\nRequestConfig: '{\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"RequestPath\": \"/u\", \"RequestMode\": \"MAPPING\"}'\nServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://u', ServiceTimeout: 3000}\n",
			RuleUnknownField},
		{"embedded-double.yaml",
			"Action: CreateApi\nGroupId: g\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\nRequestConfig: \"{\\\"RequestProtocol\\\": \\\"HTTP\\\", \\\"RequestHttpMethod\\\": \\\"GET\\\", \\\"RequestPth\\\": \\\"/u\\\", \\\"RequestMode\\\": \\\"MAPPING\\\"}\"\nServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://u', ServiceTimeout: 3000}\n",
			"Action: CreateApi\nGroupId: g\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\nRequestConfig: \"{\\\"RequestProtocol\\\": \\\"HTTP\\\", \\\"RequestHttpMethod\\\": \\\"GET\\\", \\\"RequestPath\\\": \\\"/u\\\", \\\"RequestMode\\\": \\\"MAPPING\\\"}\"\nServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://u', ServiceTimeout: 3000}\n",
			RuleUnknownField},
		{"embedded-block.yaml",
			"Action: CreateApi\nGroupId: g\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\nRequestConfig: |\n  {\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\",\n   \"RequestPath\": \"/u\", \"RequestMode\": \"MAPPING\", \"bodyformat\": \"FORM\"}\nServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://u', ServiceTimeout: 3000}\n",
			"Action: CreateApi\nGroupId: g\nApiName: GetUser\nVisibility: PRIVATE\nAuthType: APP\nRequestConfig: |\n  {\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\",\n   \"RequestPath\": \"/u\", \"RequestMode\": \"MAPPING\", \"BodyFormat\": \"FORM\"}\nServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://u', ServiceTimeout: 3000}\n",
			RuleUnknownNested},
		{"file.json",
			`{"Action": "CreateApi", "GroupId": "g", "ApiName": "GetUser", "Visiblity": "PRIVATE", "AuthType": "APP",
 "RequestConfig": "{\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"RequestPth\": \"/u\", \"RequestMode\": \"MAPPING\"}",
 "ServiceConfig": {"ServiceProtocol": "HTTP", "ServiceAddress": "http://u", "ServiceTimeout": 3000}}`,
			`{"Action": "CreateApi", "GroupId": "g", "ApiName": "GetUser", "Visibility": "PRIVATE", "AuthType": "APP",
 "RequestConfig": "{\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"RequestPath\": \"/u\", \"RequestMode\": \"MAPPING\"}",
 "ServiceConfig": {"ServiceProtocol": "HTTP", "ServiceAddress": "http://u", "ServiceTimeout": 3000}}`,
			RuleUnknownField},
		{"crlf-bom.yaml", "\uFEFF" + strings.ReplaceAll(strings.Replace(fixAPI, "Visibility:", "Visiblity:", 1), "\n", "\r\n"),
			"\uFEFF" + strings.ReplaceAll(fixAPI, "\n", "\r\n"), RuleUnknownField},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds := checkFixes(t, c.name, c.in)
			found := false
			for _, d := range ds {
				if d.Rule == c.rule && len(d.Fixes) == 1 && d.Fixes[0].Safe {
					found = true
				}
			}
			if !found {
				t.Fatalf("no safe %s fix in %+v", c.rule, ds)
			}
			got, p := fix.Apply([]byte(c.in), ds, false)
			if string(got) != c.out || p.Applied == 0 {
				t.Fatalf("applied %d fixes:\n%s\nwant:\n%s", p.Applied, got, c.out)
			}
			if left := checkFixes(t, c.name, string(got)); len(left) > 0 {
				t.Fatalf("the fixed text still has %+v", left)
			}
		})
	}
}

// TestFixUnknownKeyNone: no fix where the bytes of the key are not its
// name as written (an escape), or where the rename would repeat a key;
// an unsafe one where several candidates are as close.
func TestFixUnknownKeyNone(t *testing.T) {
	for _, c := range []struct{ name, in string }{
		{"escaped.yaml", strings.Replace(fixAPI, "RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}",
			`RequestConfig: "{\"RequestProtocol\": \"HTTP\", \"RequestHttpMethod\": \"GET\", \"Request\u0050th\": \"/u\", \"RequestMode\": \"MAPPING\"}"`, 1)},
		{"escaped-key.yaml", strings.Replace(fixAPI, "Visibility:", `"Visib\x69lty":`, 1)},
		{"repeat.yaml", strings.Replace(fixAPI, "ServiceTimeout: 3000}", "ServiceTimeout: 3000, servicetimeout: 3000}", 1)},
		// An anchored value may stand elsewhere too (through an alias).
		{"anchored.yaml", strings.Replace(fixAPI, "Visibility: PRIVATE", "Visibility: &v private\nDescription: *v", 1)},
	} {
		unknown := 0
		for _, d := range checkFixes(t, c.name, c.in) {
			if strings.Contains(d.Message, "did you mean") {
				unknown++
			}
			if len(d.Fixes) > 0 {
				t.Errorf("%s: a fix %+v for %s", c.name, d.Fixes, d.Message)
			}
		}
		if unknown != 1 {
			t.Errorf("%s: %d did-you-means reported, want 1", c.name, unknown)
		}
	}
	// "ServiceTimeoutt"... one candidate; "Tag" and "Tags"? Two keys
	// within reach of "Tagss" would make the rename a guess.
	got, ok := Closest("ServiceAdress", []string{"ServiceAddress", "ServiceAddresses"})
	if got != "ServiceAddress" || ok {
		t.Errorf("Closest with two close candidates = %q, %v; want an unsafe ServiceAddress", got, ok)
	}
	if got, ok := Closest("private", []string{"PRIVATE", "PUBLIC"}); got != "PRIVATE" || !ok {
		t.Errorf("Closest by case = %q, %v", got, ok)
	}
}
