package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/apigwlint/apigwlint/internal/lint"
)

// gitlabShape is GitLab's documented Code Quality report format
// (docs.gitlab.com, ci/testing/code_quality, "Code Quality report
// format") written as a JSON Schema: an array of objects with a
// description, a check_name, a fingerprint, a severity out of info, minor,
// major, critical, blocker, and a location with a relative path and
// lines.begin (or positions.begin.line).
const gitlabShape = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "array",
  "items": {
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
      "description": {"type": "string", "minLength": 1},
      "check_name": {"type": "string", "minLength": 1},
      "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
      "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
      "type": {"const": "issue"},
      "categories": {"type": "array", "items": {"type": "string"}, "minItems": 1},
      "location": {
        "type": "object",
        "required": ["path"],
        "properties": {
          "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(\\./|/)"}},
          "lines": {
            "type": "object",
            "required": ["begin"],
            "properties": {"begin": {"type": "integer", "minimum": 1}, "end": {"type": "integer", "minimum": 1}}
          },
          "positions": {
            "type": "object",
            "required": ["begin"],
            "properties": {"begin": {"type": "object", "required": ["line"], "properties": {"line": {"type": "integer", "minimum": 1}}}}
          }
        },
        "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}]
      }
    }
  }
}`

func gitlabSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = func(url string) (io.ReadCloser, error) { return nil, fmt.Errorf("no loading %q", url) }
	if err := c.AddResource("file:///gitlab-codequality.json", strings.NewReader(gitlabShape)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///gitlab-codequality.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type glIssue struct {
	CheckName   string `json:"check_name"`
	Description string
	Severity    string
	Fingerprint string
	Location    struct {
		Path  string
		Lines struct{ Begin, End int }
	}
}

func TestGitLabDocumentedShape(t *testing.T) {
	schema := gitlabSchema(t)
	for name, res := range map[string]*lint.Result{"faulty": faultyResult(t), "hand": handResult(t), "empty": emptyResult()} {
		t.Run(name, func(t *testing.T) {
			report := render(t, "gitlab", res)
			var doc any
			if err := json.Unmarshal(report, &doc); err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("not GitLab's documented shape: %#v", err)
			}
			var issues []glIssue
			if err := json.Unmarshal(report, &issues); err != nil {
				t.Fatal(err)
			}
			if len(issues) != len(res.Diags) {
				t.Fatalf("%d issues for %d diagnostics", len(issues), len(res.Diags))
			}
			// GitLab keeps one finding per fingerprint.
			seen := map[string]bool{}
			for i, is := range issues {
				d := res.Diags[i]
				if seen[is.Fingerprint] {
					t.Errorf("fingerprint %s twice", is.Fingerprint)
				}
				seen[is.Fingerprint] = true
				wantSev := map[string]string{"error": "major", "warning": "minor"}[d.Severity.String()]
				if is.Severity != wantSev || is.CheckName != "apigwlint/"+d.Rule || is.Location.Path != d.File ||
					is.Location.Lines.Begin != d.Range.Start.Line || is.Location.Lines.End < is.Location.Lines.Begin ||
					!strings.HasPrefix(is.Description, d.Message) {
					t.Errorf("issue %d = %+v for %+v", i, is, d)
				}
			}
		})
	}
}

// TestGitLabShapeCatchesMistakes makes sure the shape check can fail.
func TestGitLabShapeCatchesMistakes(t *testing.T) {
	schema := gitlabSchema(t)
	good := render(t, "gitlab", faultyResult(t))
	for name, mutate := range map[string]func(is map[string]any){
		"no fingerprint":  func(is map[string]any) { delete(is, "fingerprint") },
		"severity error":  func(is map[string]any) { is["severity"] = "error" },
		"line as text":    func(is map[string]any) { is["location"].(map[string]any)["lines"].(map[string]any)["begin"] = "5" },
		"no line":         func(is map[string]any) { delete(is["location"].(map[string]any), "lines") },
		"absolute path":   func(is map[string]any) { is["location"].(map[string]any)["path"] = "/abs/a.yaml" },
		"no check_name":   func(is map[string]any) { delete(is, "check_name") },
		"empty describe":  func(is map[string]any) { is["description"] = "" },
		"line 0":          func(is map[string]any) { is["location"].(map[string]any)["lines"].(map[string]any)["begin"] = 0 },
		"dot slash path":  func(is map[string]any) { is["location"].(map[string]any)["path"] = "./a.yaml" },
		"uppercase print": func(is map[string]any) { is["fingerprint"] = strings.ToUpper(is["fingerprint"].(string)) },
	} {
		var doc []any
		if err := json.Unmarshal(good, &doc); err != nil {
			t.Fatal(err)
		}
		mutate(doc[0].(map[string]any))
		if err := schema.Validate(doc); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestGitLabEmptyIsArray(t *testing.T) {
	if got := string(render(t, "gitlab", emptyResult())); got != "[]\n" {
		t.Errorf("empty report = %q, want []", got)
	}
}

func TestGitLabMultiLine(t *testing.T) {
	var issues []glIssue
	if err := json.Unmarshal(render(t, "gitlab", handResult(t)), &issues); err != nil {
		t.Fatal(err)
	}
	for _, is := range issues {
		if is.Description == "a range over several lines" {
			if is.Location.Lines.Begin != 4 || is.Location.Lines.End != 6 {
				t.Errorf("lines %+v, want 4-6 (the range ends at the start of line 7)", is.Location.Lines)
			}
			return
		}
	}
	t.Error("multi-line finding missing")
}
