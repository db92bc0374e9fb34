package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/schema"
)

const goodService = "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: K8S\nserviceConfigs:\n  - name: users\n    namespace: default\n"

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.yaml", goodService)
	bad := writeFile(t, dir, "bad.yaml", strings.Replace(goodService, "K8S", "K8", 1))
	if _, _, code := run(t, good); code != ExitOK {
		t.Errorf("clean file: exit %d", code)
	}
	if _, _, code := run(t, bad); code != ExitFindings {
		t.Errorf("faulty file: exit %d", code)
	}
	if _, stderr, code := run(t, "--format", "yaml", good); code != ExitUsage || !strings.Contains(stderr, `bad value "yaml" for --format`) {
		t.Errorf("bad format: exit %d, %q", code, stderr)
	}
	if _, _, code := run(t, "--no-such-flag", good); code != ExitUsage {
		t.Errorf("bad flag: exit %d", code)
	}
	if _, stderr, code := run(t, "--color", "sometimes", good); code != ExitUsage || !strings.Contains(stderr, "--color") {
		t.Errorf("bad --color: exit %d, %q", code, stderr)
	}
	// An unreadable path is exit 2, naming the path, and the rest is still checked.
	stdout, stderr, code := run(t, filepath.Join(dir, "missing.yaml"), bad)
	if code != ExitUsage || !strings.Contains(stderr, "missing.yaml") || !strings.Contains(stdout, "bad.yaml") {
		t.Errorf("missing path: exit %d, stderr %q, stdout %q", code, stderr, stdout)
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.yaml", goodService)
	stdout, stderr, code := run(t, "lint", good, "--format", "json")
	if code != ExitOK || !strings.HasPrefix(stdout, "{") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestStdin(t *testing.T) {
	var out strings.Builder
	var errb strings.Builder
	code := testMain([]string{"--stdin-filename", "services/users.yaml", "-"}, strings.NewReader(strings.Replace(goodService, "K8S", "K8", 1)), &out, &errb)
	if code != ExitFindings || !strings.Contains(out.String(), "services/users.yaml:3:13:") {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errb.String())
	}
}

func TestColor(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", strings.Replace(goodService, "K8S", "K8", 1))
	stdout, _, _ := run(t, "--color", "always", bad)
	if !strings.Contains(stdout, "\x1b[") {
		t.Error("--color always must colour")
	}
	stdout, _, _ = run(t, "--color", "never", bad)
	if strings.Contains(stdout, "\x1b[") {
		t.Error("--color never must not colour")
	}
	// auto: a bytes.Buffer is not a terminal.
	stdout, _, _ = run(t, bad)
	if strings.Contains(stdout, "\x1b[") {
		t.Error("--color auto must not colour a pipe")
	}
	// auto on a terminal colours, unless NO_COLOR or TERM=dumb.
	terminal := func(io.Writer) bool { return true }
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm")
	if !decideColor("auto", os.Stdout, terminal) {
		t.Error("auto must colour a terminal")
	}
	t.Setenv("TERM", "dumb")
	if decideColor("auto", os.Stdout, terminal) {
		t.Error("TERM=dumb must not colour")
	}
	t.Setenv("TERM", "xterm")
	t.Setenv("NO_COLOR", "1")
	if decideColor("auto", os.Stdout, terminal) {
		t.Error("NO_COLOR must win over a terminal")
	}
	if !decideColor("always", os.Stdout, terminal) {
		t.Error("--color always wins over NO_COLOR")
	}
}

func TestTextOutputShowsSnippetAndCaret(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "svc.yaml", strings.Replace(goodService, "K8S", "K8", 1))
	stdout, _, _ := run(t, "--color", "never", bad)
	want := "svc.yaml:3:13: error: sourceType \"K8\" is not one of"
	if !strings.Contains(stdout, want) {
		t.Fatalf("missing %q in\n%s", want, stdout)
	}
	if !strings.Contains(stdout, "   3 | sourceType: K8\n     |             ^^\n") {
		t.Fatalf("snippet/caret wrong:\n%s", stdout)
	}
	if !strings.HasSuffix(stdout, "1 file, 1 definition: 1 error, 0 warnings\n") {
		t.Fatalf("summary wrong:\n%s", stdout)
	}
}

func TestTerminalSafety(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "evil.yaml", "Action: CreateService\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: \"\\e[31mK8S\\e]0;pwned\\a\"\nserviceConfigs:\n  - name: users\n    namespace: default\n")
	stdout, _, code := run(t, "--color", "never", bad)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	if strings.ContainsAny(stdout, "\x1b\x07") {
		t.Fatalf("raw escape reached the terminal: %q", stdout)
	}
	if !strings.Contains(stdout, `\x1b[31mK8S`) {
		t.Fatalf("escape not shown escaped: %s", stdout)
	}
}

func TestVersionHelpRulesExplain(t *testing.T) {
	if out, _, code := run(t, "version"); code != 0 || !strings.HasPrefix(out, "apigwlint ") {
		t.Errorf("version: %d %q", code, out)
	}
	if out, _, code := run(t, "help"); code != 0 || !strings.Contains(out, "apigwlint explain RULE") {
		t.Errorf("help: %d %q", code, out)
	}
	for _, cmd := range [][]string{{"lint", "--help"}, {"rules", "--help"}, {"explain", "--help"}, {"schema", "--help"}} {
		out, errs, code := run(t, cmd...)
		if code != 0 || !strings.Contains(out+errs, "Usage") {
			t.Errorf("%v: %d %q %q", cmd, code, out, errs)
		}
	}
	out, _, code := run(t, "rules")
	if code != 0 || !strings.Contains(out, "unknown-field") || !strings.Contains(out, "embedded-json") {
		t.Errorf("rules: %d %q", code, out)
	}
	out, _, code = run(t, "explain", "unknown-field")
	if code != 0 || !strings.Contains(out, "Why:") || !strings.Contains(out, "Fires on:") || !strings.Contains(out, "Does not fire on:") {
		t.Errorf("explain: %d %q", code, out)
	}
	_, errs, code := run(t, "explain", "unknown-feild")
	if code != ExitUsage || !strings.Contains(errs, `did you mean "unknown-field"`) {
		t.Errorf("explain typo: %d %q", code, errs)
	}
}

func TestSchemaCommandPrintsValidDraft2020Schema(t *testing.T) {
	for _, op := range schema.Ops {
		out, _, code := run(t, "schema", op)
		if code != 0 {
			t.Fatalf("schema %s: exit %d", op, code)
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("schema %s is not JSON: %v", op, err)
		}
		if err := validDraft2020(out); err != nil {
			t.Errorf("schema %s is not a valid draft 2020-12 schema: %v", op, err)
		}
	}
	if _, errs, code := run(t, "schema", "CreateAPI"); code != ExitUsage || !strings.Contains(errs, "did you mean") {
		t.Errorf("unknown schema: %d %q", code, errs)
	}
}

func TestDoubleDashEndsFlags(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "-odd.yaml", goodService)
	if out, errs, code := run(t, "--format", "json", "--", "-odd.yaml"); code != ExitOK || !strings.Contains(out, `"files": 1`) {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
}

func TestOutputFileIsReadableAndNotLinted(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "svc.yaml", goodService)
	// A JSON report inside the checked tree would otherwise be walked next time.
	for i := 0; i < 2; i++ {
		out, errs, code := run(t, "--format", "json", "--output", "report.json", ".")
		if code != ExitOK || !strings.Contains(out, "1 file, 1 definition") || strings.Contains(out, "skipped") {
			t.Fatalf("run %d: exit %d\n%s\n%s", i, code, out, errs)
		}
	}
	st, err := os.Stat(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o644 {
		t.Errorf("report mode %v, want 0644", st.Mode().Perm())
	}
}

func TestSkipNonDefinitions(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "ci.yaml", "jobs:\n  test: {runs-on: ubuntu}\n")
	writeFile(t, dir, "svc.yaml", goodService)
	if _, _, code := run(t, "ci.yaml", "svc.yaml"); code != ExitFindings {
		t.Errorf("a named non-definition is reported by default: exit %d", code)
	}
	out, errs, code := run(t, "--skip-non-definitions", "ci.yaml", "svc.yaml")
	if code != ExitOK || !strings.Contains(out, "1 file, 1 definition (1 file without definitions skipped)") {
		t.Errorf("exit %d\n%s\n%s", code, out, errs)
	}
}

// validDraft2020 checks that a document is a valid draft 2020-12 JSON
// Schema: compiling validates it against the draft's metaschema, which the
// validator carries built in (nothing is fetched).
func validDraft2020(doc string) error {
	c := schema.NewCompiler()
	const url = "https://apigwlint.dev/schema/check.json"
	if err := c.AddResource(url, strings.NewReader(doc)); err != nil {
		return err
	}
	_, err := c.Compile(url)
	return err
}
