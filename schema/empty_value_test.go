package schema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/source"
)

// An empty value (Visibility: with nothing after it) is reported as empty
// with what is expected, not as the text "null" that YAML reads there. A
// null written out is still named as written.
func TestEmptyValueMessages(t *testing.T) {
	src := "Action: CreateService\ngatewayId:\nsourceType:\nserviceConfigs:\n  - name: users\n    namespace: default\n"
	f := source.Load("x.yaml", []byte(src), source.Options{})
	var got []string
	for _, d := range Check(f.Docs[0].Root, CreateService, "x.yaml", 0) {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Range.Start.Line, d.Range.Start.Col, d.Message))
	}
	want := []string{
		"2:11 gatewayId is empty; expected a string: a gateway ID of the form gw-xxxxxxxx",
		"3:12 sourceType is empty; use one of MSE_NACOS, K8S, VIP, DNS, FC3, SAE_K8S_SERVICE, AI, AGENT",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A required value written as null is named as written; an optional
	// one (AuthType, ServiceTimeout) is unset, as "" is.
	api := "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: GetUser\nVisibility:\nAuthType: null\n" +
		"RequestConfig:\n  RequestProtocol: HTTP\n  RequestHttpMethod: null\n  RequestPath:\n  RequestMode: MAPPING\n" +
		"ServiceConfig:\n  ServiceProtocol: HTTP\n  ServiceAddress: http://a:80\n  ServiceTimeout:\n"
	f = source.Load("a.yaml", []byte(api), source.Options{})
	got = nil
	for _, d := range Check(f.Docs[0].Root, CreateApi, "a.yaml", 0) {
		got = append(got, fmt.Sprintf("%d:%d %s", d.Range.Start.Line, d.Range.Start.Col, d.Message))
	}
	joined := strings.Join(got, "\n")
	want = []string{
		"4:12 Visibility is empty; use one of PUBLIC, PRIVATE",
		`8:22 RequestConfig.RequestHttpMethod "null" is not one of`,
		"9:15 RequestConfig.RequestPath is empty; expected ",
	}
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in\n%s", w, joined)
		}
	}
	if len(got) != len(want) {
		t.Errorf("want %d diagnostics (none for the optional AuthType and ServiceTimeout), got\n%s", len(want), joined)
	}
	if strings.Contains(joined, `"null" is not one of PUBLIC`) {
		t.Errorf("an empty value is called \"null\":\n%s", joined)
	}
}
