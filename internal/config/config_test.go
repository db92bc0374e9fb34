package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindLooksUpwardsAndNearestWins(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := find(deep, root); err != nil || got != "" {
		t.Errorf("no config anywhere: got %q, %v; want none", got, err)
	}
	write(t, filepath.Join(root, ".apigwlint.yaml"), "")
	if got, _ := find(deep, root); got != filepath.Join(root, ".apigwlint.yaml") {
		t.Errorf("from a/b/c: got %q, want the root's", got)
	}
	write(t, filepath.Join(root, "a", ".apigwlint.yml"), "")
	if got, _ := find(deep, root); got != filepath.Join(root, "a", ".apigwlint.yml") {
		t.Errorf("from a/b/c: got %q, want a/.apigwlint.yml (the nearest)", got)
	}
	if got, _ := find(root, root); got != filepath.Join(root, ".apigwlint.yaml") {
		t.Errorf("from the root: got %q", got)
	}
	// A directory named like the file is not a configuration.
	if err := os.MkdirAll(filepath.Join(deep, ".apigwlint.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, _ := find(deep, root); got != filepath.Join(root, "a", ".apigwlint.yml") {
		t.Errorf("a directory was taken for a config: %q", got)
	}
	write(t, filepath.Join(root, "a", ".apigwlint.yaml"), "")
	if _, err := find(deep, root); err == nil || !strings.Contains(err.Error(), "keep one") {
		t.Errorf("two config files in one directory: got %v, want an error", err)
	}
}

func mustParse(t *testing.T, text string) *Config {
	t.Helper()
	c, err := Parse(".apigwlint.yaml", []byte(text))
	if err != nil {
		t.Fatalf("Parse:\n%s\n%v", text, err)
	}
	return c
}

func TestEveryKey(t *testing.T) {
	c := mustParse(t, `
ignore:
  - legacy/**
  - "**/*.draft.yaml"
  - 2019
rules:
  schema: warning
  unknown-field: off
  unused-suppression: error
overrides:
  - files: ["apis/partner/**"]
    rules:
      schema: error
  - files: [apis/partner/old.json, "services/**"]
    rules: {schema: off, duplicate-key: warning}
`)
	if len(c.Ignore) != 3 || c.Ignore[2].Pattern != "2019" {
		t.Errorf("ignore: %+v", c.Ignore)
	}
	want := map[string]diag.Severity{"schema": diag.Warning, "unknown-field": diag.Off, "unused-suppression": diag.Error}
	if fmt.Sprint(c.Rules) != fmt.Sprint(want) {
		t.Errorf("rules: %v, want %v", c.Rules, want)
	}
	if len(c.Overrides) != 2 || len(c.Overrides[1].Files) != 2 || c.Overrides[1].Rules["duplicate-key"] != diag.Warning {
		t.Errorf("overrides: %+v", c.Overrides)
	}
	for _, tt := range []struct {
		rel  string
		dir  bool
		want bool
	}{
		{"legacy", true, true}, {"legacy/a.yaml", false, true}, {"apis/x.draft.yaml", false, true},
		{"2019/a.yaml", false, true}, {"apis/a.yaml", false, false}, {"../legacy/a.yaml", false, false},
	} {
		if got := c.Ignored(tt.rel, tt.dir); got != tt.want {
			t.Errorf("Ignored(%q) = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

func TestEmptyConfigsAreTheDefaults(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "---\n", "ignore:\nrules:\noverrides:\n", "{}", "ignore: []\nrules: {}\noverrides: []\n"} {
		c := mustParse(t, text)
		for _, r := range rules.All() {
			if got := c.Severity(r, "a.yaml"); got != r.Severity {
				t.Errorf("%q: %s is %s, want the default %s", text, r.ID, got, r.Severity)
			}
		}
		if c.Ignored("a.yaml", false) {
			t.Errorf("%q ignores a.yaml", text)
		}
	}
	var none *Config
	if none.Severity(rules.SchemaRule, "a.yaml") != diag.Error || none.Ignored("a.yaml", false) || none.Overridden(rules.SchemaRule) {
		t.Error("a nil config is not the defaults")
	}
}

func TestSeverityPrecedence(t *testing.T) {
	c := mustParse(t, `
rules:
  schema: warning
overrides:
  - files: ["apis/**"]
    rules: {schema: off, unknown-field: warning}
  - files: ["apis/strict/**"]
    rules: {schema: error}
  - files: ["apis/strict/x/**"]
    rules: {unknown-field: off}
`)
	schemaRule, unknown, dup := rules.SchemaRule, rules.UnknownField, rules.DuplicateKey
	tests := []struct {
		rule *rules.Rule
		rel  string
		want diag.Severity
	}{
		{dup, "apis/a.yaml", diag.Error},                      // not configured: default
		{schemaRule, "services/a.yaml", diag.Warning},         // top-level rules
		{schemaRule, "apis/a.yaml", diag.Off},                 // an override beats the top level
		{schemaRule, "apis/strict/a.yaml", diag.Error},        // a later override beats an earlier one
		{unknown, "apis/strict/a.yaml", diag.Warning},         // the later one does not name it: earlier stays
		{unknown, "apis/strict/x/a.yaml", diag.Off},           // the last one names it
		{schemaRule, "../apis/a.yaml", diag.Warning},          // outside the config's directory: no override
		{schemaRule, "apis-other/a.yaml", diag.Warning},       // no partial segment match
		{schemaRule, "apis/strict/x/deep/a.yaml", diag.Error}, // the last entry does not set schema
	}
	for _, tt := range tests {
		if got := c.Severity(tt.rule, tt.rel); got != tt.want {
			t.Errorf("Severity(%s, %q) = %s, want %s", tt.rule.ID, tt.rel, got, tt.want)
		}
	}
	if c.Base(schemaRule) != diag.Warning || !c.Overridden(unknown) || c.Overridden(dup) {
		t.Error("Base/Overridden")
	}
	// Later entries win even when written in the other order.
	c2 := mustParse(t, "overrides:\n  - files: [\"apis/strict/**\"]\n    rules: {schema: error}\n  - files: [\"apis/**\"]\n    rules: {schema: off}\n")
	if got := c2.Severity(schemaRule, "apis/strict/a.yaml"); got != diag.Off {
		t.Errorf("the later, broader entry must win: got %s", got)
	}
}

func TestHooksConvertPaths(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".apigwlint.yaml"), "ignore: [legacy/**]\noverrides:\n  - files: [apis/**]\n    rules: {schema: warning}\n")
	c, err := Load(filepath.Join(root, ".apigwlint.yaml"), "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Dir != root {
		t.Fatalf("Dir = %q, want %q", c.Dir, root)
	}
	// The run works in a subdirectory: paths it shows are relative to it.
	sev, ignored := c.Hooks(filepath.Join(root, "apis"))
	if sev(rules.SchemaRule, "a.yaml") != diag.Warning {
		t.Error("apis/a.yaml seen from apis/ is not matched by apis/**")
	}
	if !ignored("../legacy/") || !ignored("../legacy/x.yaml") || ignored("a.yaml") {
		t.Error("ignore globs are not relative to the config file")
	}
	// From above the project, nothing of it applies outside it.
	sev, ignored = c.Hooks(filepath.Dir(root))
	base := filepath.Base(root)
	if !ignored(base+"/legacy/") || ignored("legacy/") || sev(rules.SchemaRule, "apis/a.yaml") != diag.Error {
		t.Error("paths from outside the project")
	}
}

func TestBaselineKey(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "conf", ".apigwlint.yaml"), "baseline: ../ci/known.json\n")
	c, err := Load(filepath.Join(root, "conf", ".apigwlint.yaml"), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "ci", "known.json"); c.Baseline != want {
		t.Errorf("Baseline = %q, want %q (relative to the configuration file)", c.Baseline, want)
	}
	write(t, filepath.Join(root, ".apigwlint.yaml"), "rules: {}\n")
	if c, err := Load(filepath.Join(root, ".apigwlint.yaml"), ""); err != nil || c.Baseline != "" {
		t.Errorf("no baseline key: %q, %v", c.Baseline, err)
	}
}

// badConfigs: each is one mistake, reported at LINE:COL with a message.
// schemaKnows says the JSON Schema rejects it too (it cannot know rule ids
// or glob syntax).
var badConfigs = []struct {
	name, text, at, msg string
	schemaKnows         bool
}{
	{"unknown top-level key", "ignore: []\nrulez:\n  schema: off\n", "2:1", `unknown key "rulez"; did you mean "rules"?`, true},
	{"unknown key without suggestion", "color: always\n", "1:1", `unknown key "color" (the keys are root, ignore, rules, overrides, baseline)`, true},
	{"unknown rule id", "rules:\n  unknwn-field: warning\n", "2:3", `unknown rule "unknwn-field"; did you mean "unknown-field"?`, false},
	{"unknown rule id in an override", "overrides:\n  - files: [a/**]\n    rules:\n      shcema: off\n", "4:7", `unknown rule "shcema"; did you mean "schema"?`, false},
	{"bad severity", "rules:\n  schema: warn\n", "2:11", `bad severity "warn" for schema: use off, warning or error; did you mean "warning"?`, true},
	{"severity in capitals", "rules:\n  schema: Error\n", "2:11", `did you mean "error"?`, true},
	{"severity as a number", "rules:\n  schema: 2\n", "2:11", `bad severity "2"`, true},
	{"severity missing", "rules:\n  schema:\n", "2:3", "the severity of schema is off, warning or error, not empty", true},
	{"severity as a list", "rules:\n  schema: [error]\n", "2:11", "not a list", true},
	{"bad glob in ignore", "ignore:\n  - legacy/**\n  - \"legacy/[ab\"\n", "3:5", `bad glob "legacy/[ab": "[" at character 8 is never closed`, false},
	{"bad glob in override", "overrides:\n  - files: [\"apis**\"]\n    rules: {schema: off}\n", "2:13", `"**" must be a whole path segment`, false},
	{"empty glob", "ignore: [\"\"]\n", "1:10", "empty glob", true},
	{"ignore not a list", "ignore: legacy/**\n", "1:9", `ignore is a list of globs, as in ignore: ["legacy/**"], not "legacy/**"`, true},
	{"glob not a string", "ignore:\n  - {path: legacy}\n", "2:6", "a glob is a string", true},
	{"rules not a mapping", "rules: [schema]\n", "1:8", "rules is a mapping of rule id to severity", true},
	{"overrides not a list", "overrides: {files: [a]}\n", "1:13", "overrides is a list", true},
	{"override not a mapping", "overrides:\n  - apis/**\n", "2:5", "overrides[0] is a mapping with files and rules", true},
	{"unknown override key", "overrides:\n  - file: [a/**]\n    rules: {schema: off}\n", "2:5", `unknown key "file" in overrides[0]; did you mean "files"?`, true},
	{"override without files", "overrides:\n  - rules: {schema: off}\n", "2:5", "overrides[0] has no files", true},
	{"override without rules", "overrides:\n  - files: [a/**]\n", "2:5", "overrides[0] has no rules", true},
	{"override with no glob", "overrides:\n  - files: []\n    rules: {schema: off}\n", "2:12", "files needs at least one glob", true},
	{"baseline not a string", "baseline: [a.json]\n", "1:11", "baseline is a file relative to this file", true},
	{"baseline empty", "baseline:\n", "1:10", "baseline is a file relative to this file", true},
	{"not a mapping", "- ignore\n", "1:1", "the configuration is a mapping", true},
	{"two documents", "rules: {}\n---\nignore: []\n", "3:1", "one YAML document, but the file holds 2", false},
	{"syntax error", "rules:\n  schema: [off\n", "2:", "invalid YAML", false},
	{"duplicate key", "rules:\n  schema: off\n  schema: error\n", "3:3", `duplicate key "schema"`, false},
}

func TestBadConfigs(t *testing.T) {
	for _, tt := range badConfigs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("conf/.apigwlint.yaml", []byte(tt.text))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a config error", err)
			}
			if len(ce.Problems) != 1 {
				t.Errorf("want one problem, got:\n%v", err)
			}
			want := "conf/.apigwlint.yaml:" + tt.at
			if !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got\n  %v\nwant\n  %s…: …%s…", err, want, tt.msg)
			}
		})
	}
}

// TestSchemaAgrees: the published schema accepts what Parse accepts and
// rejects the mistakes it can see, so an editor using it says the same.
func TestSchemaAgrees(t *testing.T) {
	validate := func(text string) []Problem {
		f := source.Load("c.yaml", []byte(text), source.DefaultOptions)
		if len(f.Docs) == 0 {
			return nil
		}
		v := &validator{file: "c.yaml"}
		v.schema(f.Docs[0].Root)
		return v.problems
	}
	for _, tt := range badConfigs {
		if !tt.schemaKnows {
			continue
		}
		if p := validate(tt.text); len(p) == 0 {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
	}
	for _, text := range []string{string(Starter()), "ignore:\nrules:\noverrides:\n", "overrides:\n  - files: [a]\n    rules: {schema: off}\n"} {
		if p := validate(text); len(p) != 0 {
			t.Errorf("the schema rejects a good config:\n%s\n%v", text, p)
		}
	}
}

func TestSeveralMistakesAllReportedInOrder(t *testing.T) {
	_, err := Parse("c.yaml", []byte("rules:\n  shcema: off\n  schema: warn\nignor: []\n"))
	if err == nil {
		t.Fatal("accepted")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "c.yaml:2:3:") || !strings.HasPrefix(lines[1], "c.yaml:3:11:") || !strings.HasPrefix(lines[2], "c.yaml:4:1:") {
		t.Errorf("got:\n%v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.yaml"), "missing.yaml"); err == nil || !strings.Contains(err.Error(), "cannot read configuration missing.yaml") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(dir, "d"); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("a directory: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	write(t, big, "# "+strings.Repeat("x", MaxSize)+"\n")
	var ce *Error
	if _, err := Load(big, "big.yaml"); !errors.As(err, &ce) {
		t.Errorf("too large: %v", err)
	}
	bin := filepath.Join(dir, "bin.yaml")
	write(t, bin, "rules:\x00\xff")
	if _, err := Load(bin, "bin.yaml"); !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), "bin.yaml:1:7:") {
		t.Errorf("binary: %v", err)
	}
}

func TestStarterLoadsAtTheDefaults(t *testing.T) {
	text := Starter()
	c := mustParse(t, string(text))
	if len(c.Rules) != len(rules.All()) {
		t.Errorf("starter lists %d rules, the registry has %d", len(c.Rules), len(rules.All()))
	}
	for _, r := range rules.All() {
		if s, ok := c.Rules[r.ID]; !ok || s != r.Severity {
			t.Errorf("starter: %s is %v (listed %v), want its default %s", r.ID, s, ok, r.Severity)
		}
		if !bytes.Contains(text, []byte("  # "+oneLine(r.Doc.Summary))) {
			t.Errorf("starter: no comment for %s", r.ID)
		}
	}
	if len(c.Ignore) != 0 || len(c.Overrides) != 0 {
		t.Error("starter ignores or overrides something")
	}
}

func TestPublishedSchema(t *testing.T) {
	raw, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	c := schema.NewCompiler()
	if err := c.AddResource("https://apigwlint.dev/schema/config.json", bytes.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("https://apigwlint.dev/schema/config.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(map[string]any{"rules": map[string]any{"schema": "off"}}); err != nil {
		t.Errorf("valid config rejected: %v", err)
	}
	if err := s.Validate(map[string]any{"rules": map[string]any{"no-such-rule": "off"}}); err == nil {
		t.Error("the published schema accepts an unknown rule id")
	}
	for _, r := range rules.All() {
		if !bytes.Contains(raw, []byte(`"`+r.ID+`"`)) {
			t.Errorf("rule %s is not listed", r.ID)
		}
	}
}
