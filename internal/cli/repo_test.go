package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A repository holds more than definitions: files that are not ours and do
// not parse as plain YAML/JSON.
var notOurs = map[string]string{
	"chart/Chart.yaml": "apiVersion: v2\nname: web\nversion: 0.1.0\n",
	"chart/templates/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n  labels:\n" +
		"    {{- include \"chart.labels\" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicas }}\n",
	"chart/templates/_helpers.yaml": "{{- define \"chart.labels\" -}}\napp: {{ .Chart.Name }}\n{{- end }}\n",
	"tsconfig.json":                 "{\n  // compiler options\n  \"compilerOptions\": {\n    \"strict\": true, /* block */\n  },\n}\n",
	".vscode/settings.json":         "{\n  \"editor.tabSize\": 2, // two\n}\n",
	"web/empty.json":                "",
	"web/package.json":              "{\"name\": \"web\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"jest\"}}\n",
	".github/workflows/ci.yml":      "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
	"docker-compose.yml":            "services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n",
	"k8s/deploy.yaml":               "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  name: twice\n",
	"docs/openapi.yaml":             "openapi: 3.0.0\ninfo:\n  title: users\n  version: '1'\npaths: {}\n",
}

// `apigwlint lint .` at the root of a repository holding a Helm chart, a
// tsconfig.json with comments, a GitHub workflow and more beside clean
// definitions exits 0, counting those files as skipped.
func TestRepositoryWithOtherFilesLintsClean(t *testing.T) {
	root := copyTree(t, filepath.Join(repoRoot(t), "testdata", "examples"))
	noConfigAbove(t, root)
	writeFiles(t, root, notOurs)
	t.Chdir(root)
	stdout, stderr, code := run(t, "lint", "--no-cache", "--format", "json", ".")
	var out struct {
		Diagnostics []any
		Summary     struct{ Definitions, Skipped int }
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || code != ExitOK || len(out.Diagnostics) != 0 {
		t.Fatalf("exit %d (%v)\n%s%s", code, err, stdout, stderr)
	}
	// Walked: Chart.yaml, the two templates, tsconfig.json, empty.json,
	// package.json, docker-compose.yml, k8s/deploy.yaml, openapi.yaml
	// (hidden directories are not walked), and the examples' Terraform
	// variables.tf (a file of the module, without resources).
	if out.Summary.Skipped != 10 || out.Summary.Definitions == 0 {
		t.Fatalf("summary %+v, want 10 skipped and the examples' definitions", out.Summary)
	}
	// The pre-commit hook names every staged file, hidden ones too.
	var named []string
	for name := range notOurs {
		named = append(named, name)
	}
	stdout, stderr, code = run(t, append([]string{"lint", "--no-cache", "--skip-non-definitions"}, named...)...)
	if code != ExitOK || !strings.Contains(stdout, "11 files without definitions skipped") {
		t.Fatalf("--skip-non-definitions: exit %d\n%s%s", code, stdout, stderr)
	}
	// Named without the flag, a file that does not parse is reported.
	stdout, _, code = run(t, "lint", "--no-cache", "tsconfig.json")
	if code != ExitFindings || !strings.Contains(stdout, "tsconfig.json:2:3:") || !strings.Contains(stdout, "[syntax]") {
		t.Fatalf("named tsconfig.json: exit %d\n%s", code, stdout)
	}
}

// A file that does not parse but reads as an attempt at a definition is
// reported in a walk: an Action line, or two top-level parameters of one
// operation, in YAML or JSON.
func TestBrokenDefinitionInWalkIsReported(t *testing.T) {
	for name, text := range map[string]string{
		"action.yaml":      "Action: CreateService\ngatewayId: {{ .Values.gw }}\n",
		"quoted.yaml":      "\"Action\": 'CreateApi'  # comment\nGroupId: [oops\n",
		"keys.yaml":        "GroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: [GetUser\n",
		"keys-service.yml": "gatewayId: gw-1\nsourceType: K8S\nserviceConfigs: {{ x }}\n",
		"action.json":      "{\n  \"Action\": \"CreateService\"\n  \"gatewayId\": \"gw-1\"\n}\n",
		"keys.json":        "[{\"GroupId\": \"g\", \"ApiName\": \"a\",}]\n",
		"typo.yaml":        "Action: CreateSevice\nfoo: {{ x }}\n",
		"flow.yaml":        "{Action: CreateApi, GroupId: [g}\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			noConfigAbove(t, dir)
			writeFile(t, dir, "defs/"+name, text)
			t.Chdir(dir)
			out, code, _ := runJSON(t, "--no-cache", ".")
			if code != ExitFindings || len(out.Diagnostics) == 0 || out.Diagnostics[0].Rule != "syntax" {
				t.Fatalf("exit %d, %+v", code, out.Diagnostics)
			}
			// The hook's flag does not hide it either.
			if _, _, code := run(t, "lint", "--no-cache", "--skip-non-definitions", "defs/"+name); code != ExitFindings {
				t.Fatalf("--skip-non-definitions: exit %d", code)
			}
		})
	}
}

// A CreateApi definition in one group, with request GET path.
func apiAt(name, path string) string {
	return "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: " + name +
		"\nVisibility: PRIVATE\nAuthType: ANONYMOUS\nRequestConfig:\n  RequestProtocol: HTTP\n  RequestHttpMethod: GET\n  RequestPath: " + path +
		"\n  RequestMode: PASSTHROUGH\nServiceConfig:\n  ServiceProtocol: HTTP\n  ServiceAddress: http://users.internal:8080\n  ServiceHttpMethod: GET\n  ServicePath: /v1/x\n  ServiceTimeout: 3000\n"
}

// --config naming a file in another directory does not shrink the
// project to that directory: inside a repository, the project is the
// repository, and a clash with a file that was not named is found. The
// root key says otherwise; `apigwlint config` shows the decision.
func TestExplicitConfigKeepsTheProject(t *testing.T) {
	repo := t.TempDir()
	noConfigAbove(t, repo)
	writeFiles(t, repo, map[string]string{
		".git/HEAD":        "ref: refs/heads/main\n",
		"ci/apigwlint.yml": "rules:\n  unknown-field: warning\n",
		"apis/old.yaml":    apiAt("OldUsers", "/users"),
		"apis/new.yaml":    apiAt("NewUsers", "/users"),
	})
	t.Chdir(repo)
	out, code, stderr := runJSON(t, "--no-cache", "--config", "ci/apigwlint.yml", "apis/new.yaml")
	if code != ExitFindings || len(out.Diagnostics) != 1 || out.Diagnostics[0].Rule != "duplicate-api-path" {
		t.Fatalf("exit %d, %+v %s", code, out.Diagnostics, stderr)
	}
	stdout, _, code := run(t, "config", "--config", "ci/apigwlint.yml")
	if code != ExitOK || !strings.Contains(stdout, "config file:  ci/apigwlint.yml\n") ||
		!strings.Contains(stdout, "project root: "+repo+"\n") || !strings.Contains(stdout, "(the enclosing repository (.git)") ||
		!strings.Contains(stdout, "\nunknown-field                          warning   error\n") {
		t.Fatalf("config: exit %d\n%s", code, stdout)
	}
	// Without .git, the config's directory is the root (as before): the
	// named file is compared with what is under ci/ (CiUsers), not with
	// apis/old.yaml.
	writeFiles(t, repo, map[string]string{"ci/apis/x.yaml": apiAt("CiUsers", "/users")})
	if err := os.RemoveAll(filepath.Join(repo, ".git")); err != nil {
		t.Fatal(err)
	}
	out, code, stderr = runJSON(t, "--no-cache", "--config", "ci/apigwlint.yml", "apis/new.yaml")
	if code != ExitFindings || len(out.Diagnostics) != 1 || !strings.Contains(out.Diagnostics[0].Message, "(API CiUsers)") {
		t.Fatalf("no .git: exit %d, %+v %s", code, out.Diagnostics, stderr)
	}
	var cfgOut struct {
		Config      string `json:"config"`
		ProjectRoot string `json:"projectRoot"`
		Ignore      []string
		Rules       []struct{ ID, Severity, Default string }
	}
	stdout, _, _ = run(t, "config", "--config", "ci/apigwlint.yml", "--format", "json")
	if err := json.Unmarshal([]byte(stdout), &cfgOut); err != nil || cfgOut.ProjectRoot != filepath.Join(repo, "ci") || cfgOut.Config != "ci/apigwlint.yml" {
		t.Fatalf("config --format json: %v\n%s", err, stdout)
	}
	// root: sets it, relative to the config file.
	writeFiles(t, repo, map[string]string{"ci/apigwlint.yml": "root: ..\nignore: [ci/apis/**]\nrules:\n  unknown-field: warning\n"})
	out, code, stderr = runJSON(t, "--no-cache", "--config", "ci/apigwlint.yml", "apis/new.yaml")
	if code != ExitFindings || len(out.Diagnostics) != 1 || out.Diagnostics[0].Rule != "duplicate-api-path" || !strings.Contains(out.Diagnostics[0].Message, "(API OldUsers)") {
		t.Fatalf("root: ..: exit %d, %+v %s", code, out.Diagnostics, stderr)
	}
	stdout, _, _ = run(t, "config", "--config", "ci/apigwlint.yml")
	if !strings.Contains(stdout, "project root: "+repo+"\n") || !strings.Contains(stdout, "the root key") || !strings.Contains(stdout, "ignore:       ci/apis/**\n") {
		t.Fatalf("config with root:\n%s", stdout)
	}
	// A root that is not a directory is a mistake in the config.
	writeFiles(t, repo, map[string]string{"ci/apigwlint.yml": "rules: {}\nroot: nowhere\n"})
	_, stderr, code = run(t, "config", "--config", "ci/apigwlint.yml")
	if code != ExitUsage || !strings.Contains(stderr, `ci/apigwlint.yml:2:7: root "nowhere" is not a directory`) {
		t.Fatalf("bad root: exit %d, %s", code, stderr)
	}
}

// A --config path is named as it was given.
func TestMissingConfigNamedAsGiven(t *testing.T) {
	t.Chdir(t.TempDir())
	missing := filepath.Join(t.TempDir(), "nonexistent.yaml")
	for _, args := range [][]string{{"lint", "--config", missing, "."}, {"rules", "--config", missing}, {"config", "--config", missing}} {
		_, stderr, code := run(t, args...)
		if code != ExitUsage || stderr != "apigwlint: cannot read configuration "+missing+": no such file or directory\n" {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

// Mistakes on the command line: one line each, exit 2.
func TestCommandLineMistakes(t *testing.T) {
	dir := t.TempDir()
	noConfigAbove(t, dir)
	writeFile(t, dir, "rule/a.yaml", goodService)
	t.Chdir(dir)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lnt"}, `apigwlint: unknown command "lnt"; did you mean "lint"? (see 'apigwlint --help')` + "\n"},
		{[]string{"expalin", "schema"}, `apigwlint: unknown command "expalin"; did you mean "explain"? (see 'apigwlint --help')` + "\n"},
		{[]string{"rules", "extra"}, `apigwlint rules: unexpected argument "extra" (see 'apigwlint rules --help')` + "\n"},
		{[]string{"version", "x"}, `apigwlint version: unexpected argument "x" (see 'apigwlint version --help')` + "\n"},
		{[]string{"config", "x"}, `apigwlint config: unexpected argument "x" (see 'apigwlint config --help')` + "\n"},
		{[]string{"lsp", "x"}, `apigwlint lsp: unexpected argument "x" (see 'apigwlint lsp --help')` + "\n"},
		{[]string{"--stdin-filename", "a.yaml"}, `apigwlint: --stdin-filename says what standard input stands for, but "-" (read standard input) is not among the paths; see 'apigwlint --help'` + "\n"},
		{[]string{"--format", "xml", "."}, `apigwlint: bad value "xml" for --format: use checkstyle, github, gitlab, json, junit, sarif, text (see 'apigwlint --help')` + "\n"},
		{[]string{"lint", "--max-warnings", "abc"}, `apigwlint: bad value "abc" for --max-warnings: not a number (see 'apigwlint --help')` + "\n"},
		{[]string{"--color", "sometimes"}, `apigwlint: bad value "sometimes" for --color: use auto, always or never (see 'apigwlint --help')` + "\n"},
		{[]string{"--forma", "json"}, `apigwlint: unknown flag --forma; did you mean --format? (see 'apigwlint --help')` + "\n"},
		{[]string{"--no-cache=maybe"}, `apigwlint: bad value "maybe" for --no-cache: use true or false (see 'apigwlint --help')` + "\n"},
		{[]string{"--format"}, `apigwlint: --format needs a value (see 'apigwlint --help')` + "\n"},
		{[]string{"rules", "--confg", "x"}, `apigwlint: unknown flag --confg; did you mean --config? (see 'apigwlint rules --help')` + "\n"},
		{[]string{"config", "--format", "xml"}, `apigwlint: bad value "xml" for --format: use text or json (see 'apigwlint --help')` + "\n"},
	} {
		stdout, stderr, code := run(t, c.args...)
		if code != ExitUsage || stderr != c.want || stdout != "" {
			t.Errorf("%v: exit %d\nstderr %q\nwant   %q\nstdout %q", c.args, code, stderr, c.want, stdout)
		}
	}
	// A bare word that is a path is a path, even when it is close to a
	// command ("rule" is a directory here).
	if stdout, stderr, code := run(t, "--no-cache", "rule"); code != ExitOK || !strings.Contains(stdout, "1 file, 1 definition: 0 errors, 0 warnings") {
		t.Errorf("rule (a directory): exit %d\n%s%s", code, stdout, stderr)
	}
	// The help lists lint's flags, as the messages above point there.
	if stdout, _, code := run(t, "--help"); code != ExitOK || !strings.Contains(stdout, "-max-warnings N") || !strings.Contains(stdout, "apigwlint config ") {
		t.Errorf("--help: exit %d\n%s", code, stdout)
	}
}

// Counts agree with their nouns wherever a count is printed.
func TestPluralForms(t *testing.T) {
	dir := t.TempDir()
	noConfigAbove(t, dir)
	one := strings.Replace(goodService, "sourceType: K8S\n", "sourceType: K8S\nx-owner: me\n", 1)
	writeFile(t, dir, "a.yaml", one)
	writeFile(t, dir, ".apigwlint.yaml", "rules:\n  unknown-field: warning\n")
	t.Chdir(dir)
	stdout, stderr, code := run(t, "--no-cache", "--max-warnings", "0", "a.yaml")
	if code != ExitFindings || !strings.HasSuffix(stdout, "1 file, 1 definition: 0 errors, 1 warning\n") || stderr != "apigwlint: 1 warning, more than --max-warnings 0\n" {
		t.Errorf("one warning: exit %d\n%s%s", code, stdout, stderr)
	}
	writeFile(t, dir, "b.yaml", strings.Replace(one, "name: users", "name: orders", 1))
	stdout, stderr, _ = run(t, "--no-cache", "--max-warnings", "1", ".")
	if !strings.HasSuffix(stdout, "2 files, 2 definitions: 0 errors, 2 warnings\n") || stderr != "apigwlint: 2 warnings, more than --max-warnings 1\n" {
		t.Errorf("two warnings:\n%s%s", stdout, stderr)
	}
	writeFile(t, dir, ".apigwlint.yaml", "rulez: {}\n")
	if _, stderr, _ := run(t, "."); !strings.Contains(stderr, "has 1 mistake;") {
		t.Errorf("one mistake: %s", stderr)
	}
	writeFile(t, dir, ".apigwlint.yaml", "rulez: {}\nignor: []\n")
	if _, stderr, _ := run(t, "."); !strings.Contains(stderr, "has 2 mistakes;") {
		t.Errorf("two mistakes: %s", stderr)
	}
}

// lint --print-config prints what `apigwlint config` prints, with the same
// --config, and checks nothing.
func TestPrintConfig(t *testing.T) {
	dir := t.TempDir()
	noConfigAbove(t, dir)
	writeFiles(t, dir, map[string]string{
		"conf/strict.yaml": "ignore: [legacy/**]\nrules:\n  body-on-get: off\n",
		"bad.yaml":         strings.Replace(goodService, "K8S", "K8", 1),
	})
	t.Chdir(dir)
	want, _, code := run(t, "config", "--config", "conf/strict.yaml", "--format", "json")
	if code != ExitOK || !strings.Contains(want, `"id": "body-on-get",`+"\n      \"severity\": \"off\"") {
		t.Fatalf("config: exit %d\n%s", code, want)
	}
	got, stderr, code := run(t, "lint", "--config", "conf/strict.yaml", "--format", "json", "--print-config", "bad.yaml")
	if code != ExitOK || got != want || stderr != "" {
		t.Fatalf("--print-config: exit %d\n%s\nwant\n%s%s", code, got, want, stderr)
	}
}
