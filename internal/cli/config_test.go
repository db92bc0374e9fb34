package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// A clean CreateService definition with one unknown top-level key, which
// unknown-field reports (an error by default).
func service(name string) string {
	return "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nx-owner: team-users\nserviceConfigs:\n  - name: " + name + "\n    namespace: default\n"
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runStdin(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = testMain(args, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

// noConfigAbove skips a test whose directory would find a configuration
// file above the temporary directory (outside the test's control).
func noConfigAbove(t *testing.T, dir string) {
	t.Helper()
	if found, _ := config.Find(filepath.Dir(dir)); found != "" {
		t.Skipf("a configuration above the temporary directory (%s) would apply", found)
	}
}

// severities returns "file rule severity" for each diagnostic.
func severities(out jsonOut) string {
	var s []string
	for _, d := range out.Diagnostics {
		s = append(s, d.File+" "+d.Rule+" "+d.Severity)
	}
	return strings.Join(s, "\n")
}

func TestConfigLookupOrder(t *testing.T) {
	root := t.TempDir()
	noConfigAbove(t, root)
	writeFiles(t, root, map[string]string{
		"project/apis/a.yaml":           service("lookup-a"),
		"project/other.yaml":            "rules:\n  unknown-field: off\n",
		"elsewhere/b.yaml":              service("lookup-b"),
		"project/nested/.apigwlint.yml": "rules:\n  unknown-field: error\n",
		"project/nested/c.yaml":         service("lookup-c"),
	})
	writeFiles(t, root, map[string]string{"project/.apigwlint.yaml": "rules:\n  unknown-field: warning\n"})

	// Found from the working directory upwards.
	t.Chdir(filepath.Join(root, "project", "apis"))
	out, code, stderr := runJSON(t, ".")
	if got := severities(out); got != "a.yaml unknown-field warning" || code != 0 {
		t.Errorf("from project/apis: %q (exit %d) %s", got, code, stderr)
	}
	// --config wins over the one found.
	out, _, _ = runJSON(t, "--config", "../other.yaml", ".")
	if got := severities(out); got != "" {
		t.Errorf("--config ../other.yaml: %q, want nothing", got)
	}
	// The nearest file wins; its directory is where its globs start.
	t.Chdir(filepath.Join(root, "project", "nested"))
	out, _, _ = runJSON(t, ".")
	if got := severities(out); got != "c.yaml unknown-field error" {
		t.Errorf("from project/nested: %q", got)
	}
	// The configuration is found from the working directory, not from the
	// files: checking ../apis from nested/ uses nested's file.
	out, _, _ = runJSON(t, "../apis")
	if got := severities(out); got != "../apis/a.yaml unknown-field error" {
		t.Errorf("../apis from project/nested: %q", got)
	}
	// None found: the defaults.
	t.Chdir(filepath.Join(root, "elsewhere"))
	out, code, _ = runJSON(t, ".")
	if got := severities(out); got != "b.yaml unknown-field error" || code != 1 {
		t.Errorf("no config: %q (exit %d)", got, code)
	}
	// A --config that does not exist is an error, not the defaults.
	_, stderr, code = runStdin(t, "", "--config", "missing.yaml", ".")
	if code != ExitUsage || !strings.Contains(stderr, "cannot read configuration missing.yaml") {
		t.Errorf("missing --config: exit %d, %s", code, stderr)
	}
}

func TestBadConfigIsExit2WithPosition(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown key", "rulez: {}\n", `.apigwlint.yaml:1:1: unknown key "rulez"; did you mean "rules"?`},
		{"unknown rule", "rules:\n  unknown-feild: off\n", `.apigwlint.yaml:2:3: unknown rule "unknown-feild"; did you mean "unknown-field"?`},
		{"bad severity", "rules:\n  schema: fatal\n", `.apigwlint.yaml:2:11: bad severity "fatal" for schema: use off, warning or error`},
		{"bad glob", "ignore: [\"legacy/**/\", \"a/[b\"]\n", `.apigwlint.yaml:1:24: bad glob "a/[b"`},
		{"override key", "overrides:\n  - files: [a]\n    rule: {schema: off}\n", `.apigwlint.yaml:3:5: unknown key "rule" in overrides[0]; did you mean "rules"?`},
		{"syntax", "rules: {schema: off\n", `.apigwlint.yaml:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{".apigwlint.yaml": tt.text, "sub/a.yaml": service("bad-config")})
			t.Chdir(filepath.Join(dir, "sub"))
			stdout, stderr, code := runStdin(t, "", ".")
			if code != ExitUsage {
				t.Errorf("exit %d, want 2", code)
			}
			// Named relative to the working directory.
			if !strings.Contains(stderr, "apigwlint: ../"+tt.want) || !strings.Contains(stderr, "nothing was checked") {
				t.Errorf("stderr:\n%s\nwant %q", stderr, "../"+tt.want)
			}
			if stdout != "" {
				t.Errorf("a bad config must check nothing; stdout:\n%s", stdout)
			}
			// apigwlint rules refuses it too.
			if _, _, code := runStdin(t, "", "rules"); code != ExitUsage {
				t.Errorf("rules with a bad config: exit %d", code)
			}
		})
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{".apigwlint.yaml": "", ".apigwlint.yml": ""})
	t.Chdir(dir)
	if _, stderr, code := runStdin(t, "", "."); code != ExitUsage || !strings.Contains(stderr, "keep one") {
		t.Errorf("two config files: exit %d, %s", code, stderr)
	}
}

func TestIgnoredPathsAreNeitherCheckedNorCounted(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".apigwlint.yaml":           "ignore: [legacy/**, \"**/*.draft.yaml\"]\n",
		"legacy/broken.yaml":        "Action: [\n",
		"legacy/deep/other.yaml":    service("ignored-1"),
		"apis/wip.draft.yaml":       "Action: [\n",
		"apis/ok.yaml":              strings.Replace(service("ignored-ok"), "x-owner: team-users\n", "", 1),
		"apis/not-a-definition.yml": "just: text\n",
	})
	t.Chdir(dir)
	var calls []string
	cfg, err := config.Load(".apigwlint.yaml", "")
	if err != nil {
		t.Fatal(err)
	}
	sev, ignored := cfg.Hooks(dir)
	res, err := lint.Run(lint.Options{Dir: dir, Severity: sev, Ignored: func(rel string) bool {
		calls = append(calls, rel)
		return ignored(rel)
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range res.Files {
		if strings.HasPrefix(fr.Path, "legacy/") || strings.HasSuffix(fr.Path, ".draft.yaml") {
			t.Errorf("ignored file checked: %s", fr.Path)
		}
	}
	if res.Summary.Files != 1 || res.Summary.Skipped != 1 || res.Definitions != 1 || len(res.Diags) != 0 {
		t.Errorf("summary %+v, diagnostics %v; want 1 file, 1 skipped, 1 definition, nothing reported", res.Summary, res.Diags)
	}
	// The ignored directory is pruned: nothing below it is even asked about.
	for _, c := range calls {
		if strings.HasPrefix(c, "legacy/") && c != "legacy/" {
			t.Errorf("the walk entered the ignored directory: %q", c)
		}
	}
	// Named explicitly (as a pre-commit hook does) or through standard
	// input with --stdin-filename (as an editor does): still ignored.
	out, code, stderr := runJSON(t, "legacy/broken.yaml", "apis/wip.draft.yaml")
	if len(out.Diagnostics) != 0 || code != 0 || stderr != "" {
		t.Errorf("explicit ignored files: %v exit %d %s", out.Diagnostics, code, stderr)
	}
	var o, e bytes.Buffer
	code = testMain([]string{"--format", "json", "--stdin-filename", "legacy/new.yaml", "-"}, strings.NewReader("Action: [\n"), &o, &e)
	if code != 0 || strings.Contains(o.String(), "syntax") {
		t.Errorf("stdin as an ignored file: exit %d %s %s", code, o.String(), e.String())
	}
	var summary struct {
		Summary lint.Summary `json:"summary"`
	}
	if err := json.Unmarshal(o.Bytes(), &summary); err != nil || summary.Summary.Files != 0 {
		t.Errorf("stdin as an ignored file is counted: %s", o.String())
	}
}

func TestMaxWarnings(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".apigwlint.yaml": "rules:\n  unknown-field: warning\n",
		"a.yaml":          service("max-a"),
		"b.yaml":          service("max-b"),
	})
	t.Chdir(dir)
	for _, tt := range []struct {
		args []string
		code int
	}{
		{nil, 0},
		{[]string{"--max-warnings", "2"}, 0},
		{[]string{"--max-warnings", "1"}, 1},
		{[]string{"--max-warnings", "0"}, 1},
		{[]string{"--max-warnings", "-1"}, 0},
	} {
		_, stderr, code := runStdin(t, "", append(tt.args, ".")...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, stderr)
		}
		if code == 1 && !strings.Contains(stderr, "2 warnings, more than --max-warnings") {
			t.Errorf("%v: stderr %q", tt.args, stderr)
		}
	}
	if _, _, code := runStdin(t, "", "--max-warnings", "x", "."); code != ExitUsage {
		t.Errorf("--max-warnings x: exit %d", code)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	stdout, stderr, code := runStdin(t, "", "init")
	if code != 0 || !strings.Contains(stdout, "wrote .apigwlint.yaml") {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	written, err := os.ReadFile(".apigwlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(".apigwlint.yaml", ""); err != nil {
		t.Errorf("the file init writes does not load: %v", err)
	}
	// It changes nothing: rules shows every rule at its default.
	stdout, _, code = runStdin(t, "", "rules")
	if code != 0 || strings.Contains(stdout, "*") {
		t.Errorf("rules after init: exit %d\n%s", code, stdout)
	}
	for _, r := range rules.All() {
		if !strings.Contains(string(written), "\n  "+r.ID+": "+r.Severity.String()+"\n") {
			t.Errorf("init: %s is not at its default", r.ID)
		}
	}
	// A second run refuses and leaves the file alone.
	os.WriteFile(".apigwlint.yaml", []byte("rules: {}\n"), 0o644)
	_, stderr, code = runStdin(t, "", "init")
	if code != ExitUsage || !strings.Contains(stderr, ".apigwlint.yaml already exists; not overwriting it") {
		t.Errorf("init over an existing file: exit %d %s", code, stderr)
	}
	if b, _ := os.ReadFile(".apigwlint.yaml"); string(b) != "rules: {}\n" {
		t.Error("init overwrote the file")
	}
	// Nor next to a .apigwlint.yml.
	dir2 := t.TempDir()
	t.Chdir(dir2)
	os.WriteFile(".apigwlint.yml", nil, 0o644)
	if _, stderr, code := runStdin(t, "", "init"); code != ExitUsage || !strings.Contains(stderr, ".apigwlint.yml already exists") {
		t.Errorf("init next to .apigwlint.yml: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(".apigwlint.yaml"); err == nil {
		t.Error("init wrote next to .apigwlint.yml")
	}
	if _, _, code := runStdin(t, "", "init", "extra"); code != ExitUsage {
		t.Errorf("init extra: exit %d", code)
	}
}

func TestRulesShowsEffectiveSeverity(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".apigwlint.yaml": "rules:\n  unknown-field: warning\n  schema: off\noverrides:\n  - files: [a/**]\n    rules: {duplicate-key: warning}\n",
	})
	t.Chdir(dir)
	stdout, _, code := runStdin(t, "", "rules")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	line := func(id string) []string {
		for _, l := range strings.Split(stdout, "\n") {
			if f := strings.Fields(l); len(f) > 2 && f[0] == id {
				return f[:3]
			}
		}
		return nil
	}
	for id, want := range map[string]string{
		"unknown-field": "warning error", "schema": "off error", "duplicate-key": "error* error", "syntax": "error error",
		"unused-suppression": "warning warning",
	} {
		if got := strings.Join(line(id)[1:], " "); got != want {
			t.Errorf("rules: %s shows %q, want %q\n%s", id, got, want, stdout)
		}
	}
	if !strings.Contains(stdout, "Severities under .apigwlint.yaml; * overrides") {
		t.Errorf("no note on the configuration:\n%s", stdout)
	}
	// --config names another file.
	writeFiles(t, dir, map[string]string{"other.yaml": "rules: {schema: warning}\n"})
	stdout, _, _ = runStdin(t, "", "rules", "--config", "other.yaml")
	if got := line("schema"); got == nil || got[1] != "warning" {
		t.Errorf("rules --config other.yaml: %v", got)
	}
}

func TestSchemaConfig(t *testing.T) {
	stdout, _, code := runStdin(t, "", "schema", "config")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(stdout), &v); err != nil {
		t.Fatal(err)
	}
	if v["$schema"] != "https://json-schema.org/draft/2020-12/schema" || !strings.Contains(stdout, `"unused-suppression"`) {
		t.Errorf("schema config:\n%s", stdout)
	}
	if _, stderr, code := runStdin(t, "", "schema", "confg"); code != ExitUsage || !strings.Contains(stderr, `did you mean "config"?`) {
		t.Errorf("schema confg: exit %d %s", code, stderr)
	}
}

// TestSuppressionRuleDocs: the examples of the two suppression rules do
// what their documents say.
func TestSuppressionRuleDocs(t *testing.T) {
	for _, r := range []*rules.Rule{rules.UnusedSuppression, rules.InvalidSuppression} {
		for _, ex := range []struct {
			text string
			want bool
		}{{r.Doc.Bad, true}, {r.Doc.Good, false}} {
			var o, e bytes.Buffer
			code := testMain([]string{"--format", "json", "--stdin-filename", "example.yaml", "-"}, strings.NewReader(ex.text), &o, &e)
			var out jsonOut
			if err := json.Unmarshal(o.Bytes(), &out); err != nil {
				t.Fatalf("%s: %v %s", r.ID, err, e.String())
			}
			fired := false
			for _, d := range out.Diagnostics {
				fired = fired || d.Rule == r.ID
			}
			if fired != ex.want {
				t.Errorf("%s: fired %v on\n%s", r.ID, fired, ex.text)
			}
			if !ex.want && (len(out.Diagnostics) != 0 || code != 0) {
				t.Errorf("%s: the good example is not clean: %v", r.ID, out.Diagnostics)
			}
		}
	}
}
