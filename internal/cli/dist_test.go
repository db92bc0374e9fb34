package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/apigwlint/apigwlint/internal/config"
)

// rawSchemaBase is where the published schemas are served from; README
// modelines and docs/schemastore-catalog.json point there.
const rawSchemaBase = "https://raw.githubusercontent.com/apigwlint/apigwlint/main/schema/"

// published maps each `apigwlint schema X` to its file under schema/.
var published = map[string]string{
	"config":        "apigwlint-config.schema.json",
	"CreateApi":     "CreateApi.json",
	"CreateService": "CreateService.json",
}

// TestPublishedSchemas fails when a file under schema/ that editors
// download differs from what `apigwlint schema` prints (for the
// configuration: a new rule id changes it). go test ./internal/cli -run
// TestPublishedSchemas -update rewrites it.
func TestPublishedSchemas(t *testing.T) {
	for arg, file := range published {
		var out, errOut bytes.Buffer
		if code := Main([]string{"schema", arg}, nil, &out, &errOut); code != 0 {
			t.Fatalf("schema %s: exit %d %s", arg, code, errOut.String())
		}
		path := filepath.Join("..", "..", "schema", file)
		if *update && arg == "config" {
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, out.Bytes()) {
			t.Errorf("schema/%s differs from `apigwlint schema %s` (go test ./internal/cli -run TestPublishedSchemas -update)", file, arg)
		}
	}
}

// TestSchemaStoreCatalog: the catalog entry names published files, and the
// configuration entry matches the names apigwlint looks up.
func TestSchemaStoreCatalog(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "docs", "schemastore-catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	var catalog struct {
		Schemas []struct {
			Name, Description, URL string
			FileMatch              []string
		}
	}
	if err := json.Unmarshal(raw, &catalog); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range catalog.Schemas {
		file, ok := strings.CutPrefix(s.URL, rawSchemaBase)
		if !ok || s.Name == "" || s.Description == "" {
			t.Errorf("entry %q: url %q, want one under %s, with a name and a description", s.Name, s.URL, rawSchemaBase)
			continue
		}
		seen[file] = true
		if file == published["config"] && !slices.Equal(s.FileMatch, config.FileNames) {
			t.Errorf("configuration fileMatch %v, want %v", s.FileMatch, config.FileNames)
		}
	}
	for _, file := range published {
		if !seen[file] {
			t.Errorf("the catalog has no entry for schema/%s", file)
		}
	}
	// The README's modelines point at the same files.
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range published {
		if !bytes.Contains(readme, []byte("$schema="+rawSchemaBase+file)) {
			t.Errorf("README has no yaml-language-server modeline for %s", file)
		}
	}
}

// TestWorkflows: CI runs .ci/run on pushes and pull requests; a release tag
// runs the release build and publishes what the Action downloads; .ci/run
// builds the snapshot and lints the examples with it before go test ./...,
// which stays last.
func TestWorkflows(t *testing.T) {
	read := func(path string) string {
		raw, err := os.ReadFile(filepath.Join("..", "..", path))
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	type workflow struct {
		On   map[string]any `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	parse := func(path string) (workflow, string) {
		var w workflow
		if err := yaml.Unmarshal([]byte(read(path)), &w); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var runs strings.Builder
		for _, j := range w.Jobs {
			for _, s := range j.Steps {
				runs.WriteString(s.Run + "\n")
			}
		}
		return w, runs.String()
	}
	ci, runs := parse(".github/workflows/ci.yml")
	if _, ok := ci.On["push"]; !ok || !strings.Contains(runs, "bash .ci/run") {
		t.Errorf("ci.yml: on %v, runs %q", ci.On, runs)
	}
	if _, ok := ci.On["pull_request"]; !ok {
		t.Errorf("ci.yml does not run on pull requests")
	}
	rel, runs := parse(".github/workflows/release.yml")
	push, _ := rel.On["push"].(map[string]any)
	if tags, _ := push["tags"].([]any); len(tags) == 0 {
		t.Errorf("release.yml does not run on tags: %v", rel.On)
	}
	for _, want := range []string{"go run ./internal/tools/release -version \"$TAG\" -docker", "sha256sum -c checksums.txt", "dist/checksums.txt", "--push dist/docker"} {
		if !strings.Contains(runs, want) {
			t.Errorf("release.yml lacks %q", want)
		}
	}
	script := read(".ci/run")
	snap := strings.Index(script, "go run ./internal/tools/release -snapshot -host")
	lint := strings.Index(script, `"$dist/apigwlint" lint testdata/examples`)
	if snap < 0 || lint < snap || !strings.HasSuffix(strings.TrimSpace(script), "\ngo test ./...") {
		t.Errorf(".ci/run: snapshot at %d, example lint at %d, or go test ./... is not the last command", snap, lint)
	}
}
