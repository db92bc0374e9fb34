package fixer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

const api = `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`

// broken has a misspelt key whose value is then a wrong enum: the second
// fix shows only once the first is made.
var broken = strings.Replace(api, "Visibility: PRIVATE", "Visiblity: private  # kept", 1)

var fixedText = strings.Replace(api, "Visibility: PRIVATE", "Visibility: PRIVATE  # kept", 1)

func setup(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRunPasses(t *testing.T) {
	dir := setup(t, map[string]string{"a.yaml": broken, "b.yaml": strings.Replace(strings.Replace(api, "GetUser", "GetUsers", 1), "/users", "/users2", 1)})
	rep, err := Run(lint.Options{Paths: []string{"."}, Dir: dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "a.yaml")); got != fixedText {
		t.Errorf("a.yaml:\n%s", got)
	}
	if rep.Passes != 2 || rep.Fixes() != 2 || len(rep.Changes) != 1 || rep.Changes[0].Path != "a.yaml" {
		t.Errorf("report %+v", rep)
	}
	if st, _ := os.Stat(filepath.Join(dir, "a.yaml")); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	if n := len(rep.Result.Diags); n != 0 {
		t.Errorf("%d findings left: %+v", n, rep.Result.Diags)
	}
	// Bounded: one pass makes the first fix only, and says more apply.
	dir = setup(t, map[string]string{"a.yaml": broken})
	var warned []string
	rep, _ = Run(lint.Options{Paths: []string{"."}, Dir: dir}, Options{MaxPasses: 1, Warn: func(m string) { warned = append(warned, m) }})
	if got := read(t, filepath.Join(dir, "a.yaml")); !strings.Contains(got, "Visibility: private") || rep.Passes != 1 {
		t.Errorf("one pass gave:\n%s", got)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "after 1 passes") || len(rep.Result.Diags) != 1 {
		t.Errorf("warnings %q, left %+v", warned, rep.Result.Diags)
	}
}

func TestRunDryRun(t *testing.T) {
	dir := setup(t, map[string]string{"a.yaml": broken})
	rep, err := Run(lint.Options{Paths: []string{"a.yaml"}, Dir: dir}, Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "a.yaml")); got != broken {
		t.Error("DryRun wrote the file")
	}
	if len(rep.Changes) != 1 || string(rep.Changes[0].After) != fixedText || string(rep.Changes[0].Before) != broken {
		t.Errorf("changes %+v", rep.Changes)
	}
	// The result is of the text as it would be.
	if len(rep.Result.Diags) != 0 {
		t.Errorf("left %+v", rep.Result.Diags)
	}
}

// TestRunKeepsBytes: a BOM, CRLF line endings and everything but the
// fixed words stay as they were.
func TestRunKeepsBytes(t *testing.T) {
	crlf := "\uFEFF" + strings.ReplaceAll(broken, "\n", "\r\n")
	dir := setup(t, map[string]string{"a.yaml": crlf})
	if _, err := Run(lint.Options{Paths: []string{"a.yaml"}, Dir: dir}, Options{}); err != nil {
		t.Fatal(err)
	}
	if got, want := read(t, filepath.Join(dir, "a.yaml")), "\uFEFF"+strings.ReplaceAll(fixedText, "\n", "\r\n"); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestRunSymlink(t *testing.T) {
	dir := setup(t, map[string]string{"real.yaml": broken})
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Skip(err)
	}
	if _, err := Run(lint.Options{Paths: []string{"link.yaml"}, Dir: dir}, Options{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced")
	}
	if got := read(t, filepath.Join(dir, "real.yaml")); got != fixedText {
		t.Errorf("target:\n%s", got)
	}
}

func TestRunStdin(t *testing.T) {
	if _, err := Run(lint.Options{Paths: []string{"-"}}, Options{}); !errors.Is(err, ErrStdin) {
		t.Errorf("err = %v", err)
	}
}

// TestRunLeavesBrokenAlone: a fix that would make the file unparsable is
// not applied (the file keeps its text, a warning names it), and the other
// files are fixed as usual.
func TestRunLeavesBrokenAlone(t *testing.T) {
	dir := setup(t, map[string]string{"a.yaml": broken, "b.json": `{"Action": "CreateApi", "Visiblity": "PRIVATE"}`})
	var warned []string
	rep, err := Run(lint.Options{Paths: []string{"."}, Dir: dir}, Options{
		Warn: func(m string) { warned = append(warned, m) },
		breakFixes: func(ds []diag.Diagnostic) {
			for i := range ds {
				if ds[i].File == "b.json" && len(ds[i].Fixes) > 0 {
					// Renames the key and drops the closing brace.
					ds[i].Fixes = []diag.Fix{{Safe: true, Edits: append(ds[i].Fixes[0].Edits, diag.Edit{Start: 46, End: 47})}}
				}
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dir, "b.json")); got != `{"Action": "CreateApi", "Visiblity": "PRIVATE"}` {
		t.Errorf("b.json was changed: %s", got)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "b.json: fixes not applied: the file would not parse afterwards") {
		t.Errorf("warnings %q", warned)
	}
	if got := read(t, filepath.Join(dir, "a.yaml")); got != fixedText || len(rep.Changes) != 1 {
		t.Errorf("a.yaml:\n%s", got)
	}
}

// TestRunFileChangedMeanwhile: a file edited while the run went on is not
// overwritten.
func TestRunFileChangedMeanwhile(t *testing.T) {
	dir := setup(t, map[string]string{"a.yaml": broken})
	path := filepath.Join(dir, "a.yaml")
	passes := 0
	rep, err := Run(lint.Options{Paths: []string{"a.yaml"}, Dir: dir}, Options{
		breakFixes: func([]diag.Diagnostic) {
			// After the first pass, which reads the file.
			if passes++; passes == 2 {
				os.WriteFile(path, []byte(api), 0o600)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(t, path); got != api {
		t.Errorf("overwritten:\n%s", got)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], "changed while apigwlint ran") {
		t.Errorf("errors %q", rep.Errors)
	}
}
