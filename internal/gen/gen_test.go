package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// The generated files must lint clean, cover every shape the benchmarks
// claim to cover, and be the same bytes on every run.
func TestGeneratedFilesLintClean(t *testing.T) {
	const n = 256 // every kind, and every source type in each service kind
	dir := t.TempDir()
	size, err := gen.Write(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	if avg := size / n; avg < 1500 || avg > 2600 {
		t.Errorf("average file size %d bytes, want about 2 KB", avg)
	}
	res, err := lint.Run(lint.Options{Paths: []string{dir}, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		t.Errorf("%s:%d:%d: %s [%s]", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Message, d.Rule)
	}
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
	if res.Summary.Files != n || res.Skipped != 0 {
		t.Errorf("files %d, skipped %d; want %d files", res.Summary.Files, res.Skipped, n)
	}
	if res.Definitions <= n {
		t.Errorf("%d definitions in %d files: multi-document files are missing", res.Definitions, n)
	}
}

func TestCoverage(t *testing.T) {
	var all bytes.Buffer
	exts := map[string]bool{}
	dirs := map[string]bool{}
	for i := 0; i < 256; i++ {
		name, data := gen.File(i)
		all.Write(data)
		exts[filepath.Ext(name)] = true
		dirs[filepath.Dir(name)] = true
	}
	text := all.String()
	for _, want := range []string{
		"ServiceProtocol: HTTP", "ServiceProtocol: FunctionCompute", "ServiceProtocol: OSS", "ServiceProtocol: EventBridge",
		"Mock: TRUE", "ServiceVpcEnable", "AuthType: APPOPENID", "RequestConfig: '{", "RequestParameters: |", "RequestConfig: >",
		"requestPath:", "\n---\n",
		"sourceType: K8S", "sourceType: MSE_NACOS", "sourceType: VIP", "sourceType: DNS", "sourceType: FC3",
		"sourceType: SAE_K8S_SERVICE", "sourceType: AI", "sourceType: AGENT",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no generated file holds %q", want)
		}
	}
	for _, ext := range []string{".yaml", ".yml", ".json"} {
		if !exts[ext] {
			t.Errorf("no %s file", ext)
		}
	}
	if len(dirs) < 4 {
		t.Errorf("files spread over %d folders only", len(dirs))
	}
}

func TestDeterministic(t *testing.T) {
	for _, i := range []int{0, 7, 1234, 99999} {
		n1, d1 := gen.File(i)
		n2, d2 := gen.File(i)
		if n1 != n2 || !bytes.Equal(d1, d2) {
			t.Fatalf("file %d differs between calls", i)
		}
	}
}

func TestDocumentsLintClean(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "docs.yaml")
	if err := os.WriteFile(p, gen.Documents(300), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Paths: []string{p}, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		t.Errorf("%s:%d:%d: %s [%s]", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Message, d.Rule)
	}
	if res.Definitions != 300 {
		t.Errorf("%d definitions, want 300", res.Definitions)
	}
}

// Generated ROS templates lint clean, each with its ROSAPIs definitions,
// and the same index as a template's group is one symbolic key.
func TestGeneratedTemplatesLintClean(t *testing.T) {
	const n = 20
	dir := t.TempDir()
	if _, err := gen.WriteROS(dir, n); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Paths: []string{dir}, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		t.Errorf("%s:%d:%d: %s [%s]", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Message, d.Rule)
	}
	if res.Summary.Files != n || res.Definitions != n*gen.ROSAPIs {
		t.Errorf("%d files, %d definitions; want %d and %d", res.Summary.Files, res.Definitions, n, n*gen.ROSAPIs)
	}
	// The APIs of one template share the group: a copied path clashes.
	_, data := gen.ROSTemplate(0)
	clash := bytes.Replace(data, []byte("/items1/[itemId]'"), []byte("/items0/[itemId]'"), 1)
	clash = bytes.Replace(clash, []byte("RequestHttpMethod: POST"), []byte("RequestHttpMethod: GET"), 1)
	if bytes.Equal(clash, data) {
		t.Fatal("the template changed shape: update this test")
	}
	if err := os.WriteFile(filepath.Join(dir, "clash.ros.yaml"), clash, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = lint.Run(lint.Options{Paths: []string{filepath.Join(dir, "clash.ros.yaml")}, Dir: dir, ProjectRoot: dir})
	if err != nil || len(res.Diags) != 1 || res.Diags[0].Rule != "duplicate-api-path" {
		t.Errorf("a clash inside one template: %v %+v", err, res.Diags)
	}
}

// The generated Terraform project lints clean, with every API read (the
// four backend types, variables from defaults and tfvars, a local).
func TestGeneratedTerraformLintsClean(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.Terraform(dir, 2, 3, 4); err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(lint.Options{Paths: []string{dir}, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		t.Errorf("%s:%d:%d: %s [%s]", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Message, d.Rule)
	}
	if res.Definitions != 2*3*4 {
		t.Errorf("%d definitions, want %d", res.Definitions, 2*3*4)
	}
}
