package cli

import (
	"encoding/json"
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
	// (hidden directories are not walked).
	if out.Summary.Skipped != 9 || out.Summary.Definitions == 0 {
		t.Fatalf("summary %+v, want 9 skipped and the examples' definitions", out.Summary)
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
