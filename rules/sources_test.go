package rules

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// docs/sources.md says where each fact a rule or schema choice rests on
// comes from. Rule documents, schema $comments and code comments cite its
// entries by anchor ("docs/sources.md#apiname-pattern"); these tests keep
// the citations resolvable, and keep out citations of documents that are
// not in the repository.

// sourceAnchors returns the anchors docs/sources.md defines (<a id="...">).
func sourceAnchors(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "docs", "sources.md"))
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`<a id="([^"]+)"></a>`).FindAllStringSubmatch(string(data), -1) {
		if anchors[m[1]] {
			t.Errorf("docs/sources.md defines the anchor %q twice", m[1])
		}
		anchors[m[1]] = true
	}
	// Links inside the file itself.
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(string(data), -1) {
		if !anchors[m[1]] {
			t.Errorf("docs/sources.md links to #%s, which it does not define", m[1])
		}
	}
	return anchors
}

// citedText is every text that may cite a source, by where it is: the
// rule documents (what `apigwlint explain` prints and docs/rules.md is
// generated from), the strings of the published schemas ($comment,
// description), and the project's Go and YAML files (comments included).
func citedText(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for _, r := range All() {
		var b strings.Builder
		v := reflect.ValueOf(r.Doc)
		for i := 0; i < v.NumField(); i++ {
			switch f := v.Field(i); f.Kind() {
			case reflect.String:
				b.WriteString(f.String() + "\n")
			case reflect.Map:
				for _, k := range f.MapKeys() {
					b.WriteString(f.MapIndex(k).String() + "\n")
				}
			}
		}
		texts["rule "+r.ID] = b.String()
	}
	root := ".."
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "third_party", "fuzz":
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Base(p) == "sources_test.go" {
			return nil // the patterns below
		}
		switch filepath.Ext(p) {
		case ".go", ".yaml", ".yml":
		case ".json":
			if filepath.Dir(p) != filepath.Join(root, "schema") {
				return nil
			}
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(data)
		if filepath.Ext(p) == ".json" {
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			var strs []string
			jsonStrings(v, &strs)
			texts[p+" (decoded)"] = strings.Join(strs, "\n")
		}
		return nil
	})
	return texts
}

func jsonStrings(v any, out *[]string) {
	switch t := v.(type) {
	case map[string]any:
		for _, x := range t {
			jsonStrings(x, out)
		}
	case []any:
		for _, x := range t {
			jsonStrings(x, out)
		}
	case string:
		*out = append(*out, t)
	}
}

func sortedNames(texts map[string]string) []string {
	names := make([]string, 0, len(texts))
	for k := range texts {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Every docs/sources.md#anchor cited in a rule document, a schema or the
// code exists.
func TestSourceCitationsResolve(t *testing.T) {
	t.Parallel()
	anchors := sourceAnchors(t)
	texts := citedText(t)
	cite := regexp.MustCompile(`sources\.md#([A-Za-z0-9_-]+)`)
	cited := 0
	for _, name := range sortedNames(texts) {
		for _, m := range cite.FindAllStringSubmatch(texts[name], -1) {
			cited++
			if !anchors[m[1]] {
				t.Errorf("%s cites docs/sources.md#%s, which docs/sources.md does not define", name, m[1])
			}
		}
	}
	// The rules and schemas do cite it: a test that finds nothing proves
	// nothing.
	t.Logf("%d citations", cited)
	if cited < 50 {
		t.Errorf("only %d citations of docs/sources.md found", cited)
	}
}

// referenceCitation matches the item numbers and source tags of a
// reference document that is not in the repository ("D-17", "G-7",
// "reference A.2", "S0", "D-RC"): a reader cannot follow them. Cite
// docs/sources.md instead.
var referenceCitation = regexp.MustCompile(`\b[DG]-F?[0-9]+\b|\breference [A-H]\.[0-9]|\breference [A-H]\b|\bD-(?:RC|SC|SP|RP|SYS|CONST|LIM|IDEM)\b|\bS[0-2]\b|\b(?:ROSCDK|ROSDOC|GoCA|GoAPIG)\b|\[(?:TF|ROS)-[A-Z-]+\]`)

func TestNoReferenceItemCitations(t *testing.T) {
	t.Parallel()
	texts := citedText(t)
	for _, name := range sortedNames(texts) {
		for i, line := range strings.Split(texts[name], "\n") {
			if m := referenceCitation.FindString(line); m != "" {
				t.Errorf("%s:%d cites %q of a document not in the repository; cite docs/sources.md#ANCHOR instead: %s", name, i+1, m, strings.TrimSpace(line))
			}
		}
	}
}
