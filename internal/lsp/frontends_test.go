package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rosTemplate is a ROS template whose API takes the request path of
// getOrder (same group: the template parameter's default).
const rosTemplate = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  GroupId:
    Type: String
    Default: 3f1c2a9b8e7d4c6a9f0e1d2c3b4a5968
Resources:
  Status:
    Type: ALIYUN::ApiGateway::Api
    Properties:
      ApiName: GetOrderStatus
      GroupId: {Ref: GroupId}
      Visibility: PRIVATE
      AuthType: ANONYMOUS
      RequestConfig:
        RequestProtocol: HTTPS
        RequestHttpMethod: GET
        RequestPath: /orders/[id]
        RequestMode: PASSTHROUGH
      RequestParameters:
        - {ApiParameterName: id, Location: PATH, ParameterType: String, Required: REQUIRED}
      ServiceConfig:
        ServiceProtocol: HTTP
        ServiceAddress: http://orders.internal:8080
        ServiceTimeOut: 3000
`

const getOrder = `Action: CreateApi
GroupId: 3f1c2a9b8e7d4c6a9f0e1d2c3b4a5968
ApiName: GetOrder
Visibility: PRIVATE
AuthType: ANONYMOUS
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: '/orders/[orderId]', RequestMode: PASSTHROUGH}
RequestParameters:
  - {ApiParameterName: orderId, Location: PATH, ParameterType: String, Required: REQUIRED}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://orders.internal:8080', ServiceTimeout: 3000}
`

// TestTemplateClashInEditor: an API in a ROS template that clashes with a
// request file shows in the editor in both files, each pointing at the
// other, whichever is open.
func TestTemplateClashInEditor(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{".git", "apis", "templates"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	request := filepath.Join(root, "apis", "get-order.yaml")
	template := filepath.Join(root, "templates", "orders.ros.yaml")
	for path, text := range map[string]string{request: getOrder, template: rosTemplate} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := newTestClient(t, Options{})
	c.initialize(root)
	// The request file alone: the template on disk clashes with it.
	c.open(pathToURI(request), getOrder)
	got := c.diagnostics(pathToURI(request), 1)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "duplicate-api-path" {
		t.Fatalf("request file: %+v", got.Diagnostics)
	}
	if rel := got.Diagnostics[0].RelatedInformation; len(rel) != 1 || rel[0].Location.URI != pathToURI(template) || rel[0].Location.Range.Start.Line != 16 {
		t.Fatalf("request file's related: %+v", rel)
	}
	// Both open: the finding is on the later file, the template.
	c.open(pathToURI(template), rosTemplate)
	got = c.diagnostics(pathToURI(template), 1)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "duplicate-api-path" || got.Diagnostics[0].Range.Start.Line != 16 {
		t.Fatalf("template: %+v", got.Diagnostics)
	}
	if rel := got.Diagnostics[0].RelatedInformation; len(rel) != 1 || rel[0].Location.URI != pathToURI(request) {
		t.Fatalf("template's related: %+v", rel)
	}
	// The template renames its path: the clash is gone.
	fixed := strings.Replace(rosTemplate, "/orders/[id]", "/orders/[id]/status", 1)
	c.change(pathToURI(template), 2, fixed)
	if got := c.diagnostics(pathToURI(template), 2); len(got.Diagnostics) != 0 {
		t.Fatalf("fixed template: %+v", got.Diagnostics)
	}
}

// Hover and completion inside a template's resource speak of the gateway
// parameter the property becomes.
func TestHoverInTemplate(t *testing.T) {
	e := newEditSession(t)
	h := e.hover(".yaml", strings.Replace(rosTemplate, "RequestPath:", "Request"+cursorMark+"Path:", 1))
	if h == nil || !strings.Contains(h.Contents.Value, "**RequestConfig.RequestPath**") {
		t.Fatalf("hover in a template: %+v", h)
	}
}

// Completion on a property inside a template's resource offers the keys
// the gateway allows there, and the values of the key being edited.
func TestCompletionInTemplate(t *testing.T) {
	e := newEditSession(t)
	keys := labels(e.complete(".yaml", strings.Replace(rosTemplate, "RequestMode:", "RequestMo"+cursorMark+"de:", 1), ""))
	if !contains(keys, "RequestMode") || !contains(keys, "BodyFormat") {
		t.Errorf("keys in RequestConfig of a template: %v", keys)
	}
	values := labels(e.complete(".yaml", strings.Replace(rosTemplate, "RequestHttpMethod: GET", "RequestHttpMethod: G"+cursorMark+"ET", 1), ""))
	if !contains(values, "POST") {
		t.Errorf("values of RequestHttpMethod in a template: %v", values)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// At the top of a template resource, completion offers ROS's property
// names (ConstParameters, Tags), not the gateway's nor what ROS lacks.
func TestCompletionTemplateSpelling(t *testing.T) {
	e := newEditSession(t)
	keys := labels(e.complete(".yaml", strings.Replace(rosTemplate, "Visibility:", "Visi"+cursorMark+"bility:", 1), ""))
	if !contains(keys, "ConstParameters") || !contains(keys, "Tags") || contains(keys, "ConstantParameters") || contains(keys, "BackendId") {
		t.Errorf("top-level keys in a template: %v", keys)
	}
	keys = labels(e.complete(".yaml", strings.Replace(rosTemplate, "ServiceProtocol:", "ServicePro"+cursorMark+"tocol:", 1), ""))
	if contains(keys, "ServiceTimeOut") || contains(keys, "ServiceTimeout") || !contains(keys, "ServicePath") {
		// ServiceTimeOut is present already.
		t.Errorf("ServiceConfig keys in a template: %v", keys)
	}
}

// Hover on a lower-camel key of an s.yaml API speaks of the CreateApi
// parameter the component sends.
func TestHoverInServerlessDevs(t *testing.T) {
	e := newEditSession(t)
	src := "edition: 1.0.0\nservices:\n  gw:\n    component: apigateway\n    props:\n      groupName: shop\n      apis:\n" +
		"        - apiName: getOrder\n          requestConfig:\n            request" + cursorMark + "Path: /orders\n"
	h := e.hover(".yaml", src)
	if h == nil || !strings.Contains(h.Contents.Value, "**RequestConfig.RequestPath**") {
		t.Fatalf("hover in s.yaml: %+v", h)
	}
}
