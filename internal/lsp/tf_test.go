package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const tfAPI = `resource "alicloud_api_gateway_group" "g" {
  name        = "users"
  description = "users"
}

resource "alicloud_api_gateway_api" "get_user" {
  group_id    = alicloud_api_gateway_group.g.id
  name        = "GetUser"
  description = "get a user"
  auth_type   = "APP"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/users/[userId]"
    mode     = "MAPPING"
  }
  service_type = "HTTP"
  http_service_config {
    address = "http://users.internal:8080"
    method  = "GET"
    path    = "/v1/users/[userId]"
    timeout = 3000
  }
  request_parameters {
    name         = "userId"
    type         = "STRING"
    required     = "REQUIRED"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "userId"
  }
}
`

func TestTerraformCompletion(t *testing.T) {
	e := newEditSession(t)
	tests := []struct {
		name, doc     string
		want, notWant []string
		edit          string
		editRange     Range
	}{
		{name: "argument of the resource",
			doc:     strings.Replace(tfAPI, "  service_type = \"HTTP\"\n", "  service_type = \"HTTP\"\n  for|\n", 1),
			want:    []string{"force_nonce_check", "stage_names"},
			notWant: []string{"name", "group_id", "request_config", "protocol"},
			edit:    "force_nonce_check => force_nonce_check = ", editRange: rng(17, 2, 17, 5)},
		{name: "argument of a nested block",
			doc:     strings.Replace(tfAPI, "    mode     = \"MAPPING\"\n", "    mode     = \"MAPPING\"\n    |\n", 1),
			want:    []string{"body_format"},
			notWant: []string{"protocol", "path", "group_id", "address"}},
		{name: "provider enum",
			doc:  strings.Replace(tfAPI, `service_type = "HTTP"`, `service_type = "|"`, 1),
			want: []string{"MOCK", "HTTP-VPC", "FunctionCompute", "HTTP"}},
		{name: "gateway enum through the mapped parameter",
			doc:     strings.Replace(tfAPI, `    method   = "GET"`, `    method   = "P|"`, 1),
			want:    []string{"GET", "POST", "PATCH"},
			notWant: []string{"HTTP"},
			edit:    "POST => POST", editRange: rng(12, 16, 12, 17)},
		{name: "inside a dynamic block's content",
			doc: strings.Replace(tfAPI, "  request_parameters {\n    name         = \"userId\"\n",
				"  dynamic \"request_parameters\" {\n    for_each = var.p\n    content {\n      name = \"x\"\n      |\n    }\n  }\n  request_parameters {\n    name         = \"userId\"\n", 1),
			want:    []string{"in_service", "default_value"},
			notWant: []string{"name", "address"}},
		{name: "not in a resource apigwlint reads",
			doc:     "resource \"alicloud_vpc\" \"v\" {\n  |\n}\n",
			notWant: []string{"name", "group_id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.t = t
			items := e.complete(".tf", strings.Replace(tt.doc, "|", cursorMark, 1), "")
			got := labels(items)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %v", w, got)
				}
			}
			for _, w := range tt.notWant {
				if slices.Contains(got, w) {
					t.Errorf("%q offered, but should not be: %v", w, got)
				}
			}
			if tt.edit != "" {
				label, newText, _ := strings.Cut(tt.edit, " => ")
				it := item(items, label)
				if it == nil || it.TextEdit == nil {
					t.Fatalf("no item %q with an edit", label)
				}
				if it.TextEdit.NewText != newText || it.TextEdit.Range != tt.editRange {
					t.Errorf("%s: edit %q at %v, want %q at %v", label, it.TextEdit.NewText, it.TextEdit.Range, newText, tt.editRange)
				}
			}
		})
	}
	e.t = t
	items := e.complete(".tf", strings.Replace(tfAPI, "  service_type = \"HTTP\"\n", "  service_type = \"HTTP\"\n  "+cursorMark+"\n", 1), "")
	if it := item(items, "backend_id"); it == nil || it.Documentation == nil || !strings.Contains(it.Documentation.Value, "BackendId") {
		t.Errorf("backend_id item = %+v, want the BackendId parameter's documentation", it)
	}
}

func TestTerraformHover(t *testing.T) {
	e := newEditSession(t)
	h := e.hover(".tf", strings.Replace(tfAPI, `    pa`+`th     = "/users/[userId]"`, `    pa`+cursorMark+`th     = "/users/[userId]"`, 1))
	if h == nil || !strings.Contains(h.Contents.Value, "RequestPath") {
		t.Fatalf("hover = %+v, want RequestConfig.RequestPath's documentation", h)
	}
	if *h.Range != rng(13, 4, 13, 8) {
		t.Errorf("hover range = %v, want the argument name", *h.Range)
	}
}

func TestTerraformDiagnosticsInTheEditor(t *testing.T) {
	root := t.TempDir()
	c := newTestClient(t, Options{})
	c.initialize(root)
	uri := pathToURI(filepath.Join(root, "main.tf"))
	bad := strings.Replace(tfAPI, `  auth_type   = "APP"`, `  auth_typ    = "APP"`, 1)
	c.open(uri, bad)
	p := c.diagnostics(uri, 1)
	var msgs []string
	for _, d := range p.Diagnostics {
		msgs = append(msgs, d.Message)
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, `unknown argument "auth_typ"; did you mean "auth_type"?`) {
		t.Fatalf("diagnostics = %v", msgs)
	}
	c.change(uri, 2, tfAPI)
	if p := c.diagnostics(uri, 2); len(p.Diagnostics) != 0 {
		t.Fatalf("diagnostics after the fix = %+v", p.Diagnostics)
	}
}

// A clash involving a Terraform file shows in the editor: with a request
// file on disk that uses the same literal group ID, and between two .tf
// files of one module that share a group reference (the group does not
// exist yet; its address is the key).
func TestTerraformClashInTheEditor(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	const group = "08ae4aa0f95e4321849ee57f4e0b3077"
	request := "Action: CreateApi\nGroupId: " + group + "\nApiName: ListUsers\nVisibility: PRIVATE\nAuthType: ANONYMOUS\n" +
		"RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}\n" +
		"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}\n"
	if err := os.WriteFile(filepath.Join(root, "list-users.yaml"), []byte(request), 0o644); err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(root, "tf")
	if err := os.Mkdir(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	// On disk: the group and one API through its reference.
	if err := os.WriteFile(filepath.Join(mod, "main.tf"), []byte(tfAPI), 0o644); err != nil {
		t.Fatal(err)
	}
	api := func(groupID, path string) string {
		return "resource \"alicloud_api_gateway_api\" \"other\" {\n  group_id    = " + groupID + "\n  name        = \"Other\"\n" +
			"  description = \"other\"\n  auth_type   = \"ANONYMOUS\"\n  request_config {\n    protocol = \"HTTP\"\n    method   = \"GET\"\n" +
			"    path     = \"" + path + "\"\n    mode     = \"MAPPING\"\n  }\n  service_type = \"MOCK\"\n  mock_service_config {\n    result = \"ok\"\n  }\n}\n"
	}
	c := newTestClient(t, Options{})
	c.initialize(root)
	uri := pathToURI(filepath.Join(mod, "other.tf"))
	c.open(uri, api(`"`+group+`"`, "/orders"))
	if got := c.diagnostics(uri, 1); len(got.Diagnostics) != 0 {
		t.Fatalf("no clash yet: %+v", got.Diagnostics)
	}
	c.change(uri, 2, api(`"`+group+`"`, "/users"))
	got := c.diagnostics(uri, 2).Diagnostics
	if len(got) != 1 || got[0].Code != "duplicate-api-path" || got[0].Range.Start.Line != 8 ||
		len(got[0].RelatedInformation) != 1 || got[0].RelatedInformation[0].Location.URI != pathToURI(filepath.Join(root, "list-users.yaml")) {
		t.Fatalf("clash with the request file: %+v", got)
	}
	c.change(uri, 3, api("alicloud_api_gateway_group.g.id", "/users/[userId]"))
	got = c.diagnostics(uri, 3).Diagnostics
	// (and path-param-undeclared: the mock declares no userId)
	if len(got) != 2 || got[0].Code != "duplicate-api-path" || got[1].Code != "path-param-undeclared" ||
		len(got[0].RelatedInformation) != 1 || got[0].RelatedInformation[0].Location.URI != pathToURI(filepath.Join(mod, "main.tf")) {
		t.Fatalf("clash through the group reference: %+v", got)
	}
	c.change(uri, 4, api("alicloud_api_gateway_group.g.id", "/users"))
	if got := c.diagnostics(uri, 4); len(got.Diagnostics) != 0 {
		t.Fatalf("another path of the group, not the request file's group: %+v", got.Diagnostics)
	}
}
