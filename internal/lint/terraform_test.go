package lint

import (
	"github.com/apigwlint/apigwlint/internal/fix"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const tfMain = `resource "alicloud_api_gateway_api" "get" {
  group_id    = "7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0"
  name        = "GetUser"
  description = "get a user"
  auth_type   = "APP"

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = var.path
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address = "http://users.internal:8080"
    method  = "GET"
    path    = "/v1/users"
    timeout = 3000
  }
}
`

func tfVars(path string) string {
	return "variable \"path\" {\n  default = \"" + path + "\"\n}\n"
}

func tfRules(res *Result) string {
	var out []string
	for _, d := range res.Diags {
		out = append(out, d.File+":"+d.Rule)
	}
	return strings.Join(out, " ")
}

// A Terraform file is read with its module's other files, found where the
// file is on disk, not where its display path would be taken from the
// process's working directory (an editor's workspace, lint run on a
// directory elsewhere).
func TestTerraformSiblingsFoundFromDisplayDir(t *testing.T) {
	dir := t.TempDir()
	mod := filepath.Join(dir, "mod")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(mod, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("main.tf", tfMain)
	write("variables.tf", tfVars("/users/[id]"))
	res, err := Run(Options{Paths: []string{"mod/main.tf"}, Dir: dir, ProjectRoot: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := tfRules(res); got != "mod/main.tf:path-param-undeclared" {
		t.Errorf("got %q, want the path from variables.tf checked", got)
	}
}

// A Terraform file's result depends on its siblings, so it is cached under
// its content and their metadata: changing only the variables changes the
// finding, and an unchanged module is a cache hit.
func TestTerraformNotCachedByContent(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("main.tf", tfMain)
	cacheDir := t.TempDir()
	hits := 0
	lintOnce := func() string {
		t.Helper()
		c, err := OpenCache(cacheDir)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		res, err := Run(Options{Paths: []string{"."}, Dir: dir, ProjectRoot: dir, Cache: c})
		if err != nil {
			t.Fatal(err)
		}
		hits = res.CacheHits
		return tfRules(res)
	}
	write("variables.tf", tfVars("/users/[id]"))
	if got := lintOnce(); got != "main.tf:path-param-undeclared" {
		t.Fatalf("first run: %q", got)
	}
	// Unchanged: both files come from the cache (by content and the
	// module's metadata).
	if got := lintOnce(); got != "main.tf:path-param-undeclared" || hits != 2 {
		t.Fatalf("warm run: %q, %d cache hits, want 2", got, hits)
	}
	write("variables.tf", tfVars("/users"))
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(filepath.Join(dir, "variables.tf"), later, later)
	if got := lintOnce(); got != "" {
		t.Errorf("after the variable changed: %q, want nothing (a stale cached result?)", got)
	}
	write("variables.tf", tfVars("/users/[id]"))
	if got := lintOnce(); got != "main.tf:path-param-undeclared" {
		t.Errorf("after the variable changed back: %q", got)
	}
}

// Terraform findings carry fixes in both syntaxes, as edits of the bytes
// as read (a CRLF file): a misspelt argument (safe: one close candidate),
// a provider enum value and a gateway enum value written as literals; a
// value that comes from an expression gets none.
func TestTerraformFixes(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"native.tf",
			"resource \"alicloud_api_gateway_api\" \"a\" {\r\n  group_id = \"7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0\"\r\n  name = \"ListOrders\"\r\n  descripton = \"d\"\r\n  auth_type = \"app\"\r\n" +
				"  request_config {\r\n    protocol = \"HTTP\"\r\n    method = \"GET\"\r\n    path = \"/o\"\r\n    mode = \"MAPPING\"\r\n  }\r\n  service_type = \"mock\"\r\n  mock_service_config {\r\n    result = \"ok\"\r\n  }\r\n}\r\n",
			"resource \"alicloud_api_gateway_api\" \"a\" {\r\n  group_id = \"7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0\"\r\n  name = \"ListOrders\"\r\n  description = \"d\"\r\n  auth_type = \"APP\"\r\n" +
				"  request_config {\r\n    protocol = \"HTTP\"\r\n    method = \"GET\"\r\n    path = \"/o\"\r\n    mode = \"MAPPING\"\r\n  }\r\n  service_type = \"MOCK\"\r\n  mock_service_config {\r\n    result = \"ok\"\r\n  }\r\n}\r\n"},
		{"json.tf.json",
			`{"resource": {"alicloud_api_gateway_api": {"a": {"group_id": "7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0", "name": "ListOrders", "descripton": "d", "auth_type": "app",` +
				`"request_config": {"protocol": "HTTP", "method": "GET", "path": "/o", "mode": "MAPPING"}, "service_type": "MOCK", "mock_service_config": {"result": "ok"}}}}}`,
			`{"resource": {"alicloud_api_gateway_api": {"a": {"group_id": "7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0", "name": "ListOrders", "description": "d", "auth_type": "APP",` +
				`"request_config": {"protocol": "HTTP", "method": "GET", "path": "/o", "mode": "MAPPING"}, "service_type": "MOCK", "mock_service_config": {"result": "ok"}}}}}`},
		{"computed.tf",
			"locals {\n  auth = \"app\"\n}\nresource \"alicloud_api_gateway_api\" \"a\" {\n  group_id = \"7ef4e2a7a5b6435c9a1bc1a1f6e2d1a0\"\n  name = \"ListOrders\"\n  description = \"d\"\n  auth_type = local.auth\n" +
				"  request_config {\n    protocol = \"HTTP\"\n    method = \"GET\"\n    path = \"/o\"\n    mode = \"MAPPING\"\n  }\n  service_type = \"MOCK\"\n  mock_service_config {\n    result = \"ok\"\n  }\n}\n",
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fr := CheckBytes(tc.name, []byte(tc.in), true)
			got, _ := fix.Apply([]byte(tc.in), fr.Diags, false)
			if tc.want == "" {
				if len(fr.Diags) == 0 || string(got) != tc.in {
					t.Fatalf("want a finding and no fix; got %d findings and\n%s", len(fr.Diags), got)
				}
				return
			}
			if string(got) != tc.want {
				t.Fatalf("fixed:\n%q\nwant:\n%q\nfindings %+v", got, tc.want, fr.Diags)
			}
			if again := CheckBytes(tc.name, got, true); len(again.Diags) != 0 {
				t.Errorf("after the fix: %+v", again.Diags)
			}
		})
	}
}

// A named file that gives the module values (a tfvars file, a file
// declaring variables) brings the module's other .tf files into the run;
// a file of resources alone does not (a hook reports on what was staged).
func TestTerraformCompanions(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"main.tf":          tfMain,
		"variables.tf":     tfVars("/users"),
		"terraform.tfvars": "path = \"/users/[id]\"\n",
		"other.tf":         strings.NewReplacer(`"get"`, `"other"`, "GetUser", "Other", "var.path", `"/o/[x]"`).Replace(tfMain),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ named, want string }{
		{"terraform.tfvars", "main.tf:path-param-undeclared other.tf:path-param-undeclared"},
		{"variables.tf", "main.tf:path-param-undeclared other.tf:path-param-undeclared"},
		{"main.tf", "main.tf:path-param-undeclared"},
	} {
		res, err := Run(Options{Paths: []string{tc.named}, Dir: dir, ProjectRoot: dir, SkipNonDefinitions: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := tfRules(res); got != tc.want {
			t.Errorf("%s named: %q, want %q", tc.named, got, tc.want)
		}
	}
}

// Safe fixes never break a Terraform file: names and values of real
// configurations are mutated (a letter's case flipped, a letter dropped)
// with a seeded generator, every safe fix is applied, and the result
// parses as the mutated file did, with as many definitions.
func TestTerraformFixesNeverBreak(t *testing.T) {
	var seeds [][]byte
	for _, p := range []string{
		"../../testdata/examples/terraform/main.tf",
		"../../testdata/cases/terraform/provider-examples/main.tf",
		"../../testdata/fix/terraform/out.tf",
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	word := regexp.MustCompile(`[A-Za-z_][A-Za-z_-]{2,}`)
	syntax := func(fr *FileResult) int {
		n := 0
		for _, d := range fr.Diags {
			if d.Rule == "syntax" {
				n++
			}
		}
		return n
	}
	r := rand.New(rand.NewPCG(15, 16))
	fixed := 0
	for i := 0; i < 400; i++ {
		src := seeds[r.IntN(len(seeds))]
		words := word.FindAllIndex(src, -1)
		m := append([]byte(nil), src...)
		for k := 0; k < 1+r.IntN(3); k++ {
			w := words[r.IntN(len(words))]
			j := w[0] + r.IntN(w[1]-w[0])
			if r.IntN(2) == 0 {
				m[j] ^= 0x20 // flip the case of a letter (or '_' to a DEL: a typo too)
			} else {
				m = append(m[:j:j], m[j+1:]...)
				words = word.FindAllIndex(m, -1)
			}
		}
		before := CheckBytes("m.tf", m, true)
		out, pass := fix.Apply(m, before.Diags, false)
		if pass.Applied == 0 {
			continue
		}
		fixed++
		after := CheckBytes("m.tf", out, true)
		if syntax(after) > syntax(before) || after.Definitions != before.Definitions {
			t.Fatalf("a safe fix broke the file:\n%s\n--- fixed to ---\n%s", m, out)
		}
	}
	t.Logf("%d of 400 mutations had safe fixes", fixed)
	if fixed < 50 {
		t.Errorf("only %d of 400 mutations had a safe fix: the test no longer tests fixes", fixed)
	}
}
