package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// The case suite: every file under testdata/cases is a definition file
// whose expected diagnostics are written next to the line they are about:
//
//	RequestPath: /users/[userId]   # want path-param-undeclared@23
//
// "want" takes one or more RULE[@COLUMN][:SEVERITY]; without a severity
// the rule's default severity is expected. A file without any
// want must lint clean. Where a comment cannot stand on the line (JSON
// files, lines inside block scalars), a file NAME.want beside it lists
// "LINE:COLUMN RULE [SEVERITY] [-- message substring]" lines instead.
//
// Every other case file is a project of its own: it is linted from an
// empty directory that is its own project root, so that the cross-file
// rules compare it with nothing else in the repository.
//
// A single file is linted on its own with the project (cross-file) rules
// off. A directory holding a file named PROJECT is a cross-file case: it is
// linted as a whole, from inside it (so its .apigwlint.yaml applies), and
// the wants of all its files are checked together. It must hold an
// .apigwlint.yaml, which makes it the project root; without one the
// project would be the whole repository. An optional ARGS file holds the
// command line (one argument per line) instead of ".".

type want struct {
	file string
	line int
	col  int // 0 = any
	rule string
	sev  string // "" = any
	msg  string // substring, "" = any
}

func (w want) String() string {
	return fmt.Sprintf("%s:%d:%d %s %s %q", w.file, w.line, w.col, w.rule, w.sev, w.msg)
}

var wantRE = regexp.MustCompile(`#\s*want\s+(.+)$`)

func parseWants(t *testing.T, path, display string) []want {
	t.Helper()
	var out []want
	if data, err := os.ReadFile(path + ".want"); err == nil {
		for i, l := range strings.Split(string(data), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			msg := ""
			if j := strings.Index(l, " -- "); j >= 0 {
				l, msg = l[:j], strings.TrimSpace(l[j+4:])
			}
			f := strings.Fields(l)
			if len(f) < 2 {
				t.Fatalf("%s.want:%d: want LINE:COL RULE [SEVERITY]", path, i+1)
			}
			lc := strings.SplitN(f[0], ":", 2)
			line, err1 := strconv.Atoi(lc[0])
			col := 0
			var err2 error
			if len(lc) == 2 {
				col, err2 = strconv.Atoi(lc[1])
			}
			if err1 != nil || err2 != nil {
				t.Fatalf("%s.want:%d: bad position %q", path, i+1, f[0])
			}
			w := want{file: display, line: line, col: col, rule: f[1], msg: msg}
			if len(f) > 2 {
				w.sev = f[2]
			}
			out = append(out, w)
		}
		return out
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		m := wantRE.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		for _, tok := range strings.Fields(m[1]) {
			w := want{file: display, line: n}
			if i := strings.Index(tok, ":"); i >= 0 {
				tok, w.sev = tok[:i], tok[i+1:]
			}
			if i := strings.Index(tok, "@"); i >= 0 {
				c, err := strconv.Atoi(tok[i+1:])
				if err != nil {
					t.Fatalf("%s:%d: bad column in %q", path, n, tok)
				}
				tok, w.col = tok[:i], c
			}
			w.rule = tok
			out = append(out, w)
		}
	}
	return out
}

type jsonOut struct {
	Diagnostics []struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Rule     string `json:"rule"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
}

func runJSON(t *testing.T, args ...string) (jsonOut, int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := testMain(append([]string{"--format", "json"}, args...), strings.NewReader(""), &stdout, &stderr)
	var out jsonOut
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output is not JSON (exit %d): %v\n%s\n%s", code, err, stdout.String(), stderr.String())
	}
	return out, code, stderr.String()
}

func checkWants(t *testing.T, wants []want, out jsonOut) {
	t.Helper()
	// A want without a severity expects the rule's default severity.
	for i := range wants {
		if wants[i].sev == "" {
			if r := rules.ByID(wants[i].rule); r != nil {
				wants[i].sev = r.Severity.String()
			}
		}
	}
	used := make([]bool, len(wants))
	var problems []string
	for _, d := range out.Diagnostics {
		found := false
		for i, w := range wants {
			if used[i] || w.file != d.File || w.line != d.Line || w.rule != d.Rule ||
				(w.col != 0 && w.col != d.Column) || (w.sev != "" && w.sev != d.Severity) ||
				(w.msg != "" && !strings.Contains(d.Message, w.msg)) {
				continue
			}
			used[i], found = true, true
			break
		}
		if !found {
			problems = append(problems, fmt.Sprintf("unexpected %s:%d:%d: %s: %s [%s]", d.File, d.Line, d.Column, d.Severity, d.Message, d.Rule))
		}
	}
	for i, w := range wants {
		if !used[i] {
			problems = append(problems, "missing "+w.String())
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

func TestCases(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "cases")
	var singles []string
	var projects []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if _, err := os.Stat(filepath.Join(path, "PROJECT")); err == nil {
				projects = append(projects, path)
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".yaml", ".yml", ".json", ".tf":
			singles = append(singles, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(singles) == 0 {
		t.Fatal("no cases found")
	}
	// Single-file cases run from an empty project whose configuration turns
	// the project (cross-file) rules off: a case file often holds close
	// variants of one definition side by side, which would clash. The
	// project rules have their own PROJECT directories.
	alone := t.TempDir()
	if err := os.Mkdir(filepath.Join(alone, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "rules:\n"
	for _, r := range rules.All() {
		if r.Kind == rules.Project {
			cfg += "  " + r.ID + ": off\n"
		}
	}
	if err := os.WriteFile(filepath.Join(alone, ".apigwlint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range singles {
		rel, _ := filepath.Rel(root, path)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			abs, err := filepath.Abs(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(alone)
			display := lint.Display(alone, abs)
			out, _, stderr := runJSON(t, abs)
			if stderr != "" {
				t.Errorf("stderr: %s", stderr)
			}
			checkWants(t, parseWants(t, abs, display), out)
		})
	}
	for _, dir := range projects {
		rel, _ := filepath.Rel(root, dir)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(dir, ".apigwlint.yaml")); err != nil {
				t.Fatalf("a cross-file case needs an .apigwlint.yaml: it makes the case directory the project root (%v)", err)
			}
			var wants []want
			filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					switch filepath.Ext(path) {
					case ".yaml", ".yml", ".json", ".tf":
						r, _ := filepath.Rel(dir, path)
						wants = append(wants, parseWants(t, path, filepath.ToSlash(r))...)
					}
				}
				return nil
			})
			args := []string{"."}
			if data, err := os.ReadFile(filepath.Join(dir, "ARGS")); err == nil {
				args = strings.Fields(string(data))
			}
			t.Chdir(dir)
			out, _, _ := runJSON(t, args...)
			checkWants(t, wants, out)
		})
	}
}
