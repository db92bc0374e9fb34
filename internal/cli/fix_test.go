package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type fixReport struct {
	Diagnostics []struct {
		Rule    string `json:"rule"`
		Pointer string `json:"pointer"`
		Fixes   []struct {
			Safe bool `json:"safe"`
		} `json:"fixes"`
	} `json:"diagnostics"`
}

func lintJSON(t *testing.T, path string) fixReport {
	t.Helper()
	out, errs, _ := run(t, "lint", "--format", "json", path)
	var rep fixReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("lint --format json %s: %v\n%s\n%s", path, err, out, errs)
	}
	return rep
}

// TestFixFixtures runs each testdata/fix/<case>/in.* through the real
// command line: lint --fix (with the flags in the case's flags file) turns
// it into out.*, byte for byte, keeping the file's mode; a second --fix
// changes nothing; the fixed file has no finding left of the rules that
// offered the fixes; --diff shows the change without writing and exits 1,
// and exits 0 with no output on the fixed file.
func TestFixFixtures(t *testing.T) {
	cases, err := filepath.Glob("../../testdata/fix/*")
	if err != nil || len(cases) < 8 {
		t.Fatalf("fixtures: %v %v", cases, err)
	}
	for _, dir := range cases {
		dir, _ := filepath.Abs(dir)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ins, _ := filepath.Glob(filepath.Join(dir, "in.*"))
			if len(ins) != 1 {
				t.Fatalf("want one in.* in %s", dir)
			}
			ext := filepath.Ext(ins[0])
			in, err := os.ReadFile(ins[0])
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, "out"+ext))
			if err != nil {
				t.Fatal(err)
			}
			var flags []string
			if b, err := os.ReadFile(filepath.Join(dir, "flags")); err == nil {
				flags = strings.Fields(string(b))
			}
			unsafe := strings.Contains(strings.Join(flags, " "), "--unsafe-fixes")
			tmp := t.TempDir()
			t.Chdir(tmp)
			name := "in" + ext
			if err := os.WriteFile(name, in, 0o640); err != nil {
				t.Fatal(err)
			}
			fixed := map[string]bool{}
			for _, d := range lintJSON(t, name).Diagnostics {
				for _, f := range d.Fixes {
					if f.Safe || unsafe {
						fixed[d.Rule] = true
					}
				}
			}
			if len(fixed) == 0 {
				t.Fatal("the input offers no fix")
			}

			// --diff: the change, nothing written.
			out, errs, code := run(t, append(append([]string{"lint", "--diff"}, flags...), name)...)
			if code != ExitFindings || !strings.HasPrefix(out, "--- "+name+"\n+++ "+name+"\n@@ -") {
				t.Fatalf("--diff: exit %d\n%s\n%s", code, out, errs)
			}
			if got, _ := os.ReadFile(name); string(got) != string(in) {
				t.Fatal("--diff wrote the file")
			}

			_, errs, code = run(t, append(append([]string{"lint", "--fix"}, flags...), name)...)
			got, _ := os.ReadFile(name)
			if string(got) != string(want) {
				t.Fatalf("--fix gave:\n%s\nwant:\n%s\nstderr: %s", got, want, errs)
			}
			if !strings.Contains(errs, "apigwlint: fixed ") {
				t.Errorf("no count of the fixes: %q", errs)
			}
			if st, _ := os.Stat(name); st.Mode().Perm() != 0o640 {
				t.Errorf("mode %v, want 0640 kept", st.Mode().Perm())
			}
			// The exit status is the fixed file's, as a plain lint run
			// gives it.
			if _, _, plain := run(t, "lint", name); plain != code {
				t.Errorf("--fix exit %d, plain lint of the fixed file %d", code, plain)
			}
			for _, d := range lintJSON(t, name).Diagnostics {
				if fixed[d.Rule] {
					t.Errorf("still %s at %s after --fix", d.Rule, d.Pointer)
				}
			}

			// Twice is a no-op.
			before, _ := os.Stat(name)
			_, errs, _ = run(t, append(append([]string{"lint", "--fix"}, flags...), name)...)
			again, _ := os.ReadFile(name)
			after, _ := os.Stat(name)
			if string(again) != string(want) || strings.Contains(errs, "fixed") || !after.ModTime().Equal(before.ModTime()) {
				t.Errorf("a second --fix changed something: %q", errs)
			}
			if out, _, code := run(t, append(append([]string{"lint", "--diff"}, flags...), name)...); code != ExitOK || out != "" {
				t.Errorf("--diff of the fixed file: exit %d, %q", code, out)
			}
		})
	}
}

// TestExplainFix: explain says whether a rule has a fix and whether
// lint --fix applies it.
func TestExplainFix(t *testing.T) {
	for rule, want := range map[string]string{
		"unknown-field":                      "Fix (safe or unsafe; lint --fix applies the safe ones, --unsafe-fixes the others too):",
		"signature-method-requires-app-auth": "Fix (unsafe; lint --fix --unsafe-fixes applies it):",
		"path-param-undeclared":              "",
	} {
		out, _, code := run(t, "explain", rule)
		if code != ExitOK {
			t.Fatalf("explain %s: exit %d", rule, code)
		}
		if want == "" && strings.Contains(out, "\nFix") || want != "" && !strings.Contains(out, want) {
			t.Errorf("explain %s:\n%s\nwant %q", rule, out, want)
		}
	}
}

func TestFixFlagMistakes(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "a.yaml", goodService)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--unsafe-fixes", "a.yaml"}, "--unsafe-fixes says which fixes --fix or --diff applies"},
		{[]string{"lint", "--fix", "-"}, `standard input ("-") cannot be fixed`},
		{[]string{"lint", "--diff", "--stdin-filename", "a.yaml", "-"}, `standard input ("-") cannot be fixed`},
	} {
		if out, errs, code := run(t, c.args...); code != ExitUsage || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", c.args, code, out, errs)
		}
	}
	// A clean file: --fix reports as lint does, and writes nothing.
	st, _ := os.Stat("a.yaml")
	out, errs, code := run(t, "lint", "--fix", "a.yaml")
	if code != ExitOK || !strings.HasSuffix(out, "1 file, 1 definition: 0 errors, 0 warnings\n") || errs != "" {
		t.Errorf("clean --fix: exit %d %q %q", code, out, errs)
	}
	if st2, _ := os.Stat("a.yaml"); !st2.ModTime().Equal(st.ModTime()) {
		t.Error("a clean file was written")
	}
}

// TestFixWithCache: fixes come out of the result cache as they went in,
// so --fix on a warm cache fixes as on a cold one.
func TestFixWithCache(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	t.Chdir(dir)
	in, _ := os.ReadFile(filepath.Join(root, "testdata/fix/yaml-enums/in.yaml"))
	want, _ := os.ReadFile(filepath.Join(root, "testdata/fix/yaml-enums/out.yaml"))
	writeFile(t, dir, "a.yaml", string(in))
	cache := filepath.Join(t.TempDir(), "cache")
	for i := 0; i < 2; i++ { // cold, then warm
		if _, errs, _ := run(t, "lint", "--cache-dir", cache, "a.yaml"); errs != "" {
			t.Fatal(errs)
		}
	}
	cold := lintJSON(t, "a.yaml")
	out, _, _ := run(t, "lint", "--cache-dir", cache, "--format", "json", "a.yaml")
	var warm fixReport
	if err := json.Unmarshal([]byte(out), &warm); err != nil || len(warm.Diagnostics) != len(cold.Diagnostics) {
		t.Fatalf("warm report: %v %s", err, out)
	}
	for i := range warm.Diagnostics {
		if len(warm.Diagnostics[i].Fixes) != len(cold.Diagnostics[i].Fixes) {
			t.Errorf("%s: %d fixes from the cache, %d without", warm.Diagnostics[i].Pointer, len(warm.Diagnostics[i].Fixes), len(cold.Diagnostics[i].Fixes))
		}
	}
	if _, errs, _ := run(t, "lint", "--cache-dir", cache, "--fix", "a.yaml"); !strings.Contains(errs, "fixed 5 problems") {
		t.Errorf("stderr %q", errs)
	}
	if got, _ := os.ReadFile("a.yaml"); string(got) != string(want) {
		t.Errorf("fixed with a warm cache:\n%s", got)
	}
}
