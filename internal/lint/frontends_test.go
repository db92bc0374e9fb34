package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A partial run naming a request file finds the clash with a template whose
// group ID is joined from pieces (not in the template's bytes as one
// string): such a template is never ruled out by the needles.
func TestPartialRunComputedGroup(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"apis", "templates"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := writer(t, dir)
	write("apis/get.yaml", "Action: CreateApi\nGroupId: abcdef0123\nApiName: GetA\nVisibility: PRIVATE\nAuthType: ANONYMOUS\n"+
		"RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /a, RequestMode: PASSTHROUGH}\n"+
		"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://a.internal', ServiceTimeout: 3000}\n")
	write("templates/t.yaml", "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  Api:\n    Type: ALIYUN::ApiGateway::Api\n    Properties:\n"+
		"      ApiName: GetA\n      GroupId: {'Fn::Join': ['', [abcdef, '0123']]}\n      Visibility: PRIVATE\n      AuthType: ANONYMOUS\n"+
		"      RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: POST, RequestPath: /b, RequestMode: PASSTHROUGH}\n"+
		"      ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://a.internal', ServiceTimeOut: 3000}\n")
	cacheDir := t.TempDir()
	// Without the cache, then with it (filled by the first whole run, so
	// the partial runs take the other file by its metadata).
	for _, run := range []string{"", "apis/get.yaml", "templates/t.yaml", "cache:", "cache:apis/get.yaml", "cache:templates/t.yaml"} {
		opts := Options{Dir: dir, ProjectRoot: dir}
		named, cached := strings.CutPrefix(run, "cache:")
		if cached {
			c, err := OpenCache(cacheDir)
			if err != nil {
				t.Fatal(err)
			}
			opts.Cache = c
		}
		if named != "" {
			opts.Paths = []string{named}
		}
		res, err := Run(opts)
		if err != nil {
			t.Fatal(err)
		}
		want := "[templates/t.yaml:6:16 duplicate-api-name -> apis/get.yaml:3]"
		if named == "apis/get.yaml" {
			want = "[apis/get.yaml:3:10 duplicate-api-name -> templates/t.yaml:6]"
		}
		if got := fmt.Sprint(brief(res.Diags)); got != want {
			t.Errorf("run %q: %s, want %s", run, got, want)
		}
	}
}

// A clash keyed by a template's group resource points at the resource too,
// whether it is named by Ref or by Fn::GetAtt; and the cached run says the
// same.
func TestTemplateGroupOrigin(t *testing.T) {
	dir := t.TempDir()
	api := func(name, group string) string {
		return "  " + name + ":\n    Type: ALIYUN::ApiGateway::Api\n    Properties:\n      ApiName: Same\n      GroupId: " + group + "\n" +
			"      Visibility: PRIVATE\n      AuthType: ANONYMOUS\n" +
			"      RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /" + name + ", RequestMode: PASSTHROUGH}\n" +
			"      ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://a.internal', ServiceTimeOut: 3000}\n"
	}
	writer(t, dir)("t.yaml", "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  Users:\n    Type: ALIYUN::ApiGateway::Group\n"+
		"    Properties: {GroupName: users}\n"+api("A", "{Ref: Users}")+api("B", "!GetAtt Users.GroupId"))
	cacheDir := t.TempDir()
	for _, cached := range []bool{false, true, true} {
		opts := Options{Dir: dir, ProjectRoot: dir}
		if cached {
			c, err := OpenCache(cacheDir)
			if err != nil {
				t.Fatal(err)
			}
			opts.Cache = c
		}
		res, err := Run(opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(brief(res.Diags)); got != "[t.yaml:18:16 duplicate-api-name -> t.yaml:9 -> t.yaml:3]" {
			t.Fatalf("cached %v: %s", cached, got)
		}
		if msg := res.Diags[0].Related[1].Message; msg != "ros:t.yaml#Users is this resource" {
			t.Errorf("origin note %q", msg)
		}
	}
}
