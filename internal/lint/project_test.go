package lint

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/rules"
)

const group = "1a2b3c4d5e6f4a1b8c2d3e4f5a6b7c8d"

// apiYAML is a valid CreateApi definition (no path parameters, so that no
// per-definition rule has anything to say about it).
func apiYAML(name, method, path string) string {
	return "Action: CreateApi\nGroupId: " + group + "\nApiName: " + name + "\nVisibility: PRIVATE\nAuthType: APP\nAllowSignatureMethod: HmacSHA256\n" +
		"RequestConfig:\n  RequestProtocol: HTTPS\n  RequestHttpMethod: " + method + "\n  RequestPath: " + path + "\n  RequestMode: MAPPING\n" +
		"ServiceConfig:\n  ServiceProtocol: HTTP\n  ServiceAddress: http://backend.internal:8080\n  ServiceHttpMethod: " + method +
		"\n  ServicePath: /v1" + path + "\n  ServiceTimeout: 3000\n"
}

// project writes files under a new project root (marked by .git) and
// returns the root.
func project(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func run(t *testing.T, opts Options) *Result {
	t.Helper()
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	return res
}

// brief renders diagnostics as "file:line:col rule -> related files".
func brief(ds []diag.Diagnostic) []string {
	out := []string{}
	for _, d := range ds {
		s := fmt.Sprintf("%s:%d:%d %s", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Rule)
		for _, r := range d.Related {
			s += fmt.Sprintf(" -> %s:%d", r.File, r.Range.Start.Line)
		}
		out = append(out, s)
	}
	return out
}

func expect(t *testing.T, got []diag.Diagnostic, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if b := brief(got); !reflect.DeepEqual(b, want) {
		t.Errorf("diagnostics:\n got  %q\n want %q", b, want)
	}
}

func TestProjectRoot(t *testing.T) {
	base := t.TempDir()
	mk := func(parts ...string) string {
		p := filepath.Join(append([]string{base}, parts...)...)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	touch := func(p string) {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// repo/.git (directory), repo/gw/.apigwlint.yaml, repo/gw/apis/users
	repo := mk("repo")
	mk("repo", ".git")
	gw := mk("repo", "gw")
	touch(filepath.Join(gw, ".apigwlint.yaml"))
	users := mk("repo", "gw", "apis", "users")
	other := mk("repo", "other")
	// wt/.git is a file, as in a git worktree; a configuration file above
	// a repository does not make the project bigger than the repository.
	outer := mk("outer")
	touch(filepath.Join(outer, ".apigwlint.yml"))
	wt := mk("outer", "wt")
	touch(filepath.Join(wt, ".git"))
	wtSub := mk("outer", "wt", "sub")

	for _, c := range []struct{ given, dir, want string }{
		{"", users, gw},
		{"", gw, gw},
		{"", other, repo},
		{"", wtSub, wt},
		{"", outer, outer},
		{gw, users, gw},
		{"..", users, filepath.Join(users, "..")},
	} {
		if got := ProjectRoot(c.given, c.dir); got != filepath.Clean(c.want) {
			t.Errorf("ProjectRoot(%q, %s) = %s, want %s", c.given, c.dir, got, c.want)
		}
	}
	// Without any marker up to the file system root, the directory itself.
	lone := mk("lone", "deep")
	for p := lone; ; p = filepath.Dir(p) {
		for _, m := range []string{".git", ".apigwlint.yaml", ".apigwlint.yml"} {
			if _, err := os.Lstat(filepath.Join(p, m)); err == nil && !strings.HasPrefix(p, base) {
				t.Skipf("%s holds %s: cannot test the fallback here", p, m)
			}
		}
		if filepath.Dir(p) == p {
			break
		}
	}
	if got := ProjectRoot("", lone); got != lone {
		t.Errorf("ProjectRoot without markers = %s, want %s", got, lone)
	}
}

// The partial run: a new file clashing with an untouched one is
// caught when only the new file is named, whichever comes first in path
// order, and the untouched file's own problems are not reported.
func TestPartialRun(t *testing.T) {
	untouched := strings.Replace(apiYAML("GetInvoice", "GET", "/invoices"), "Visibility: PRIVATE", "Visibility: private", 1)
	for _, c := range []struct {
		name, newFile, oldFile string
	}{
		{"new file first", "apis/a-new.yaml", "apis/b-old.yaml"},
		{"new file last", "apis/z-new.yaml", "apis/b-old.yaml"},
		{"untouched file elsewhere", "apis/new.yaml", "legacy/old.yaml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := project(t, map[string]string{
				c.newFile:             apiYAML("GetInvoice", "GET", "/invoices"),
				c.oldFile:             untouched,
				"apis/unrelated.yaml": strings.Replace(apiYAML("ListOrders", "GET", "/orders"), "AuthType: APP", "AuthType: app", 1),
			})
			// Full run first: the untouched files' problems exist.
			full := run(t, Options{Dir: root})
			if full.Summary.Errors < 4 {
				t.Fatalf("full run should report the clash and both schema problems, got %q", brief(full.Diags))
			}
			res := run(t, Options{Dir: root, Paths: []string{c.newFile}})
			expect(t, res.Diags,
				c.newFile+":3:10 duplicate-api-name -> "+c.oldFile+":3",
				c.newFile+":10:16 duplicate-api-path -> "+c.oldFile+":10")
			if res.Summary.Files != 1 || res.Summary.Definitions != 1 || len(res.Files) != 1 {
				t.Errorf("summary counts the named file only: %+v, %d files", res.Summary, len(res.Files))
			}
		})
	}
}

// Run from a subdirectory, the project root is above: the rest of the
// project is still compared, and shown relative to the current directory.
func TestPartialRunFromSubdirectory(t *testing.T) {
	root := project(t, map[string]string{
		"apis/users/get-user.yaml": apiYAML("GetUser", "GET", "/users"),
		"legacy/get-user.yaml":     apiYAML("GetUser", "POST", "/legacy/users"),
	})
	res := run(t, Options{Dir: filepath.Join(root, "apis", "users"), Paths: []string{"get-user.yaml"}})
	expect(t, res.Diags, "get-user.yaml:3:10 duplicate-api-name -> ../../legacy/get-user.yaml:3")
	// No path: the current directory is reported, the project indexed.
	res = run(t, Options{Dir: filepath.Join(root, "apis")})
	expect(t, res.Diags, "users/get-user.yaml:3:10 duplicate-api-name -> ../legacy/get-user.yaml:3")
}

// "-" with --stdin-filename replaces that file's content in the index.
func TestStdinReplacesFile(t *testing.T) {
	onDisk := apiYAML("GetInvoice", "GET", "/invoices")
	root := project(t, map[string]string{
		"apis/new.yaml": onDisk,
		"apis/old.yaml": apiYAML("ListInvoices", "GET", "/invoices/all"),
	})
	lintStdin := func(text string) *Result {
		return run(t, Options{Dir: root, Paths: []string{"-"}, Stdin: strings.NewReader(text), StdinFilename: "apis/new.yaml"})
	}
	// The unsaved content is the file: the saved one must not be indexed
	// beside it (it would clash with itself).
	expect(t, lintStdin(onDisk).Diags)
	// An unsaved edit that clashes with the untouched file is caught.
	expect(t, lintStdin(apiYAML("ListInvoices", "GET", "/invoices/all")).Diags,
		"apis/new.yaml:3:10 duplicate-api-name -> apis/old.yaml:3",
		"apis/new.yaml:10:16 duplicate-api-path -> apis/old.yaml:10")
	// An absolute --stdin-filename names the same file.
	res := run(t, Options{Dir: root, Paths: []string{"-"}, Stdin: strings.NewReader(onDisk), StdinFilename: filepath.Join(root, "apis", "new.yaml")})
	expect(t, res.Diags)
}

// An overlay (an editor's unsaved text) of a file that is not named
// replaces that file in the index too, with and without the cache.
func TestOverlayOfUnnamedFile(t *testing.T) {
	root := project(t, map[string]string{
		"apis/new.yaml": apiYAML("GetInvoice", "GET", "/invoices"),
		"apis/old.yaml": apiYAML("ListInvoices", "GET", "/invoices/all"),
	})
	overlay := map[string][]byte{filepath.Join(root, "apis", "old.yaml"): []byte(apiYAML("GetInvoice", "GET", "/invoices"))}
	for _, cached := range []bool{false, true} {
		opts := Options{Dir: root, Paths: []string{"apis/new.yaml"}, Overlays: overlay}
		if cached {
			c, err := OpenCache(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			opts.Cache = c
		}
		expect(t, run(t, opts).Diags,
			"apis/new.yaml:3:10 duplicate-api-name -> apis/old.yaml:3",
			"apis/new.yaml:10:16 duplicate-api-path -> apis/old.yaml:10")
	}
}

func TestProjectRulesSeverityAndFilter(t *testing.T) {
	root := project(t, map[string]string{
		"a.yaml": apiYAML("GetUser", "GET", "/users"),
		"b.yaml": apiYAML("UpdateUser", "PUT", "/users"),
		"c.yaml": apiYAML("GetUser", "DELETE", "/users/all"),
	})
	// path-unique-strict is off by default.
	expect(t, run(t, Options{Dir: root}).Diags, "c.yaml:3:10 duplicate-api-name -> a.yaml:3")
	// Severities apply to project rules as to any other, per file.
	sev := func(r *rules.Rule, file string) diag.Severity {
		switch {
		case r.ID == rules.PathUniqueStrict.ID:
			return diag.Warning
		case r.ID == rules.DuplicateAPIName.ID && file == "c.yaml":
			return diag.Off
		}
		return r.Severity
	}
	res := run(t, Options{Dir: root, Severity: sev})
	expect(t, res.Diags, "b.yaml:10:16 path-unique-strict -> a.yaml:10")
	if res.Diags[0].Severity != diag.Warning || res.Summary.Warnings != 1 {
		t.Errorf("severity not applied: %+v", res.Diags[0])
	}
	// The filter (inline suppressions) sees project diagnostics too.
	filter := func(f *FileResult) {
		kept := f.Diags[:0]
		for _, d := range f.Diags {
			if d.Rule != rules.DuplicateAPIName.ID {
				kept = append(kept, d)
			}
		}
		f.Diags = kept
	}
	expect(t, run(t, Options{Dir: root, Filter: filter}).Diags)
}

// The per-file index is plain data: it survives a JSON round trip (a
// result cache stores it), and comes from the normalised tree, so
// lowerCamel keys and JSON-string parameters are indexed at their place in
// the file.
func TestFileIndexIsPlainData(t *testing.T) {
	src := "GroupId: " + group + "\nApiName: GetInventory\nVisibility: PRIVATE\n" +
		"RequestConfig:\n  requestProtocol: HTTP\n  requestHttpMethod: get\n  requestPath: /inventory\n  requestMode: MAPPING\n" +
		"ServiceConfig: '{\"serviceProtocol\":\"HTTP\",\"serviceAddress\":\"http://x.internal\",\"serviceTimeout\":3000}'\n" +
		"---\nAction: CreateApi\nGroupId: " + group + "\nApiName: GetStock\nVisibility: PRIVATE\n" +
		"RequestConfig: '{\"RequestProtocol\":\"HTTP\",\"RequestHttpMethod\":\"ANY\",\"RequestPath\":\"/stock/[sku]\",\"RequestMode\":\"PASSTHROUGH\"}'\n" +
		"ServiceConfig: '{\"ServiceProtocol\":\"HTTP\",\"ServiceAddress\":\"http://x.internal\",\"ServiceTimeout\":3000}'\n" +
		"---\nAction: CreateService\ngatewayId: gw-1\nsourceType: K8S\nclientToken: t-1\nserviceConfigs:\n  - name: a\n    namespace: default\n  - name: b\n    namespace: default\n"
	fr := CheckBytes("inventory.yaml", []byte(src), true)
	byKind := map[string][]facts.Fact{}
	for _, f := range fr.Index.Facts {
		byKind[f.Kind] = append(byKind[f.Kind], f)
	}
	paths, services, tokens := byKind["api-path"], byKind["service"], byKind["client-token"]
	if len(byKind["api-name"]) != 2 || len(paths) != 2 || len(services) != 2 || len(tokens) != 1 {
		t.Fatalf("index: %+v", fr.Index)
	}
	a, b := paths[0], paths[1]
	if a.Attr(0) != "GET" || a.Attr(1) != "/inventory" || a.At.Range.Start != (diag.Pos{Line: 7, Col: 16}) || a.At.Pointer != "/RequestConfig/RequestPath" {
		t.Errorf("lowerCamel API indexed as %+v", a)
	}
	if b.Attr(0) != "ANY" || b.Attr(2) != "/stock/[]" || b.At.Document != 1 || b.At.Range.Start != (diag.Pos{Line: 15, Col: 83}) {
		t.Errorf("JSON-string API indexed as %+v", b)
	}
	if services[1].Key != "b" || services[1].Attr(0) != "gw-1" || tokens[0].Key != "t-1" || tokens[0].At.Document != 2 {
		t.Errorf("service index: %+v %+v", services, tokens)
	}
	data, err := json.Marshal(fr.Index)
	if err != nil {
		t.Fatal(err)
	}
	var back facts.FileIndex
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, fr.Index) {
		t.Errorf("round trip changed the index:\n%+v\n%+v", back, fr.Index)
	}
}

// A related location's file keeps its text for the snippet, even when it
// has no diagnostic of its own; other clean files drop it.
func TestRelatedFileKeepsSource(t *testing.T) {
	root := project(t, map[string]string{
		"a.yaml": apiYAML("GetUser", "GET", "/users"),
		"b.yaml": apiYAML("GetUser", "POST", "/users/new"),
		"c.yaml": apiYAML("ListOrders", "GET", "/orders"),
	})
	res := run(t, Options{Dir: root})
	for _, fr := range res.Files {
		if want := fr.Path != "c.yaml"; (fr.File != nil) != want {
			t.Errorf("%s: source kept = %v, want %v", fr.Path, fr.File != nil, want)
		}
	}
}

// Output does not depend on the number of workers.
func TestProjectDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		files[fmt.Sprintf("d%d/api%d.yaml", i%7, i)] = apiYAML(fmt.Sprintf("Api%d", i%5), []string{"GET", "ANY", "PUT"}[i%3], fmt.Sprintf("/p/%d", i%4))
	}
	root := project(t, files)
	one := run(t, Options{Dir: root, Workers: 1})
	many := run(t, Options{Dir: root, Workers: 8})
	if len(one.Diags) == 0 || !reflect.DeepEqual(one.Diags, many.Diags) {
		t.Errorf("1 worker: %d diagnostics, 8 workers: %d; they must be equal and not empty", len(one.Diags), len(many.Diags))
	}
}

// The examples of every project rule's document (apigwlint explain) are
// true: the rule fires on BadFiles and not on GoodFiles, and nothing else
// fires on either.
func TestProjectRuleDocs(t *testing.T) {
	for _, r := range rules.All() {
		if r.Kind != rules.Project {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			if len(r.Doc.BadFiles) < 2 || len(r.Doc.GoodFiles) < 2 || r.Doc.Summary == "" || r.Doc.Why == "" {
				t.Fatal("a project rule documents a summary, why, and several bad and good files")
			}
			on := func(rule *rules.Rule, _ string) diag.Severity {
				if rule == r {
					return diag.Error
				}
				return rule.Severity
			}
			for _, c := range []struct {
				files map[string]string
				fires bool
			}{{r.Doc.BadFiles, true}, {r.Doc.GoodFiles, false}} {
				res := run(t, Options{Dir: project(t, c.files), Severity: on})
				fired := false
				for _, d := range res.Diags {
					switch d.Rule {
					case r.ID:
						fired = true
					default:
						t.Errorf("the example has another problem: %s:%d: %s [%s]", d.File, d.Range.Start.Line, d.Message, d.Rule)
					}
				}
				if fired != c.fires || res.Definitions != len(c.files) {
					t.Errorf("fires = %v on %d definitions, want %v on %d", fired, res.Definitions, c.fires, len(c.files))
				}
			}
		})
	}
}

// A file named through a symbolic link is the same file as the one the
// project walk finds: it must not clash with itself.
func TestNamedThroughSymlink(t *testing.T) {
	root := project(t, map[string]string{"apis/get-user.yaml": apiYAML("GetUser", "GET", "/users")})
	if err := os.Symlink("apis", filepath.Join(root, "link")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	expect(t, run(t, Options{Dir: root, Paths: []string{"link"}}).Diags)
	expect(t, run(t, Options{Dir: root, Paths: []string{"link/get-user.yaml"}}).Diags)
	res := run(t, Options{Dir: root, Paths: []string{"-"}, Stdin: strings.NewReader(apiYAML("GetUser", "GET", "/users")), StdinFilename: "link/get-user.yaml"})
	expect(t, res.Diags)
}

// testdata/examples is a realistic project: as a project of its own it
// lints clean, cross-file rules included.
func TestExamplesProjectClean(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, Options{Dir: dir, ProjectRoot: dir})
	if res.Definitions < 20 {
		t.Fatalf("only %d definitions found", res.Definitions)
	}
	for _, d := range res.Diags {
		t.Errorf("%s:%d:%d: %s [%s]", d.File, d.Range.Start.Line, d.Range.Start.Col, d.Message, d.Rule)
	}
}
