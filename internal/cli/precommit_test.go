package cli

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHook runs the real pre-commit (Debian's package) with this
// repository's .pre-commit-hooks.yaml, as a user's .pre-commit-config.yaml
// would: pre-commit clones the hook repository and builds it with
// `go install` (language: golang). No network is used: the hook
// repository is a local copy of this module, and Go builds it from the
// module cache that already holds the dependencies (GOPROXY=off). HOME,
// PRE_COMMIT_HOME and the git configuration point into the test's
// temporary directory; only Go's build cache is shared, as with any go
// command.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds apigwlint through pre-commit; skipped with -short")
	}
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH; this test needs it (Debian: apt-get install -y pre-commit git; CI must install them)", tool)
		}
	}
	goEnv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", name, err)
		}
		return strings.TrimSpace(string(out))
	}
	modCache, buildCache := goEnv("GOMODCACHE"), goEnv("GOCACHE")
	tmp := t.TempDir()
	env := append(os.Environ(),
		"HOME="+filepath.Join(tmp, "home"),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "home", ".cache"),
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "home", ".config"),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL="+filepath.Join(tmp, "gitconfig"),
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
		"GOMODCACHE="+modCache, "GOCACHE="+buildCache,
		"GOPROXY=off", "GOSUMDB=off", "GOTOOLCHAIN=local", "GOFLAGS=-buildvcs=false",
		"NO_COLOR=1",
	)
	sh := func(dir string, args ...string) (string, error) {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(dir string, args ...string) string {
		t.Helper()
		out, err := sh(dir, args...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}
	write := func(path, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The hook repository: this module's sources and its hook definition.
	hookRepo := filepath.Join(tmp, "apigwlint")
	copyModule(t, filepath.Join("..", ".."), hookRepo)
	must(hookRepo, "git", "init", "-q")
	must(hookRepo, "git", "add", "-A")
	must(hookRepo, "git", "commit", "-q", "-m", "apigwlint")
	rev := strings.TrimSpace(must(hookRepo, "git", "rev-parse", "HEAD"))

	// A user's repository.
	project := filepath.Join(tmp, "project")
	must(tmp, "git", "init", "-q", project)
	write(filepath.Join(project, ".pre-commit-config.yaml"),
		"repos:\n  - repo: "+hookRepo+"\n    rev: "+rev+"\n    hooks:\n      - id: apigwlint\n")
	const getUser = "Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: GetUser\nVisibility: PRIVATE\n" +
		"RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}\n" +
		"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceHttpMethod: GET, ServicePath: /v1/users, ServiceTimeout: 3000}\n"
	write(filepath.Join(project, "apis", "get-user.yaml"), getUser)
	must(project, "pre-commit", "install")

	// A clean commit passes (the config file itself is not a definition
	// and is left out by the hook).
	must(project, "git", "add", "-A")
	out := must(project, "git", "commit", "-m", "clean")
	if !strings.Contains(out, "apigwlint") || !strings.Contains(out, "Passed") {
		t.Fatalf("the hook did not run on the clean commit:\n%s", out)
	}
	head := must(project, "git", "rev-parse", "HEAD")

	// A commit adding a definition that clashes with the untouched one is
	// refused, with the diagnostic shown. Only the new file is staged.
	clash := strings.Replace(getUser, "RequestPath: /users", "RequestPath: /v2/users", 1)
	write(filepath.Join(project, "apis", "get-user-again.yaml"), clash)
	must(project, "git", "add", "apis/get-user-again.yaml")
	out, err := sh(project, "git", "commit", "-m", "clash")
	if err == nil {
		t.Fatalf("the commit of a clashing definition was accepted:\n%s", out)
	}
	for _, want := range []string{
		"apis/get-user-again.yaml:3:10: error: ApiName \"GetUser\" is already used in group",
		"[duplicate-api-name]",
		"apis/get-user.yaml:3:10: note: the other CreateApi named \"GetUser\"",
		"Failed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pre-commit output lacks %q:\n%s", want, out)
		}
	}
	if now := must(project, "git", "rev-parse", "HEAD"); now != head {
		t.Errorf("HEAD moved: the commit was made")
	}

	// The system hook: the apigwlint on PATH, nothing built. Without one
	// on PATH the hook fails; with one, it refuses the clash the same way.
	write(filepath.Join(project, ".pre-commit-config.yaml"),
		"repos:\n  - repo: "+hookRepo+"\n    rev: "+rev+"\n    hooks:\n      - id: apigwlint-system\n")
	must(project, "git", "add", ".pre-commit-config.yaml")
	binDir := filepath.Join(tmp, "bin")
	out, err = sh(project, "git", "commit", "-m", "clash")
	if err == nil || !strings.Contains(out, "Executable `apigwlint` not found") {
		t.Errorf("system hook without apigwlint on PATH: %v\n%s", err, out)
	}
	must(filepath.Join("..", ".."), "go", "build", "-o", filepath.Join(binDir, "apigwlint"), "./cmd/apigwlint")
	for i, kv := range env {
		if strings.HasPrefix(kv, "PATH=") {
			env[i] = "PATH=" + binDir + string(os.PathListSeparator) + kv[len("PATH="):]
		}
	}
	out, err = sh(project, "git", "commit", "-m", "clash")
	if err == nil || !strings.Contains(out, "[duplicate-api-name]") || !strings.Contains(out, "Failed") {
		t.Errorf("system hook: the clashing commit was not refused (%v):\n%s", err, out)
	}
	must(project, "git", "rm", "-q", "-f", "apis/get-user-again.yaml")
	write(filepath.Join(project, "apis", "other.yaml"), strings.Replace(strings.Replace(getUser, "GetUser", "ListUsers", 1), "RequestPath: /users", "RequestPath: /v2/users", 1))
	must(project, "git", "add", "apis/other.yaml")
	if out := must(project, "git", "commit", "-m", "system hook"); !strings.Contains(out, "Passed") {
		t.Errorf("system hook on a clean commit:\n%s", out)
	}

	// Terraform: the hook takes .tf and .tfvars files. A commit that
	// stages only a tfvars file changing a variable checks the module's
	// resources with it, and refuses what the new value breaks.
	write(filepath.Join(project, "tf", "main.tf"), `resource "alicloud_api_gateway_api" "orders" {
  group_id    = "7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0"
  name        = "ListOrders"
  description = "lists orders"
  auth_type   = "APP"
  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = var.path
    mode     = "MAPPING"
  }
  service_type = "MOCK"
  mock_service_config {
    result = "[]"
  }
}
`)
	write(filepath.Join(project, "tf", "variables.tf"), "variable \"path\" {\n  default = \"/orders\"\n}\n")
	must(project, "git", "add", "tf")
	if out := must(project, "git", "commit", "-m", "terraform"); !strings.Contains(out, "Passed") {
		t.Errorf("a clean Terraform module:\n%s", out)
	}
	write(filepath.Join(project, "tf", "terraform.tfvars"), "path = \"/orders/[orderId]\"\n")
	must(project, "git", "add", "tf/terraform.tfvars")
	out, err = sh(project, "git", "commit", "-m", "tfvars")
	if err == nil || !strings.Contains(out, "tf/main.tf:9:16: error: path parameter \"orderId\" is not declared") {
		t.Errorf("a tfvars change that breaks the module's API was not refused (%v):\n%s", err, out)
	}
}

// copyModule copies what `go install ./...` needs: go.mod, go.sum, the hook
// definition and the Go packages (without tests and test data).
func copyModule(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		keep := rel == "go.mod" || rel == "go.sum" || rel == ".pre-commit-hooks.yaml" ||
			(strings.Contains(rel, string(filepath.Separator)) && !strings.HasSuffix(rel, "_test.go") && d.Type().IsRegular())
		if !keep {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
