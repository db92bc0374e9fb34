package rules

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
)

func TestPathShape(t *testing.T) {
	for _, c := range []struct {
		path    string
		escaped bool
		want    string
	}{
		{"/users", false, "/users"},
		{"/users/[id]", false, "/users/[]"},
		{"/users/[userId]/orders/[orderId]", false, "/users/[]/orders/[]"},
		{"/users/[userId]", true, "/users/[userId]"},
		{"/files/v[version].pdf", false, "/files/v[].pdf"},
		{"/broken/[id", false, "/broken/[id"},
		{"/Users/[id]", false, "/Users/[]"},
		{"/users/*", false, "/users/*"},
		{"", false, ""},
	} {
		if got := PathShape(c.path, c.escaped); got != c.want {
			t.Errorf("PathShape(%q, %v) = %q, want %q", c.path, c.escaped, got, c.want)
		}
	}
}

func locAt(file string, line int) Loc {
	return Loc{File: file, Range: diag.Range{Start: diag.Pos{Line: line, Col: 1}, End: diag.Pos{Line: line, Col: 2}}}
}

// api is the facts of one CreateApi in group "g" (its name and path
// located at the same line).
func api(file string, line int, name, method, path string) []Fact {
	l := locAt(file, line)
	out := []Fact{{Kind: apiNames.Name, Key: "g", At: l, Attrs: []string{name}}}
	if path != "" {
		out = append(out, Fact{Kind: apiPaths.Name, Key: "g", At: l, Attrs: []string{method, path, PathShape(path, false), name}})
	}
	return out
}

func apis(list ...[]Fact) []FileIndex {
	var fi FileIndex
	for _, f := range list {
		fi.Facts = append(fi.Facts, f...)
	}
	return []FileIndex{fi}
}

// runRule runs one project rule (whatever its default severity) over
// files, reporting on the files for which reported is true (nil = all).
func runRule(r *Rule, files []FileIndex, reported func(string) bool) []string {
	var out []diag.Diagnostic
	ctx := NewProjectContext(facts.NewIndex(append([]FileIndex(nil), files...), reported), &out)
	ctx.Run(r)
	diag.Sort(out)
	got := []string{}
	for _, d := range out {
		s := fmt.Sprintf("%s:%d", d.File, d.Range.Start.Line)
		for _, rel := range d.Related {
			s += fmt.Sprintf(" -> %s:%d", rel.File, rel.Range.Start.Line)
		}
		got = append(got, s)
	}
	return got
}

func check(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

func TestDuplicateAPIPathMethods(t *testing.T) {
	files := apis(
		api("a.yaml", 1, "A", "GET", "/u/[id]"),
		api("b.yaml", 1, "B", "POST", "/u/[x]"),  // another method: fine
		api("c.yaml", 1, "C", "ANY", "/u/[y]"),   // ANY: clashes with GET and POST
		api("d.yaml", 1, "D", "GET", "/u/[z]"),   // first GET and first ANY
		api("e.yaml", 1, "E", "PATCH", "/u/[z]"), // only the ANY
		api("f.yaml", 1, "F", "GET", "/v/[z]"),   // another shape
		api("g.yaml", 1, "G", "", "/u/[id]"),     // no method: unknown
	)
	check(t, "duplicate-api-path", runRule(DuplicateAPIPath, files, nil),
		"c.yaml:1 -> a.yaml:1 -> b.yaml:1",
		"d.yaml:1 -> a.yaml:1 -> c.yaml:1",
		"e.yaml:1 -> c.yaml:1")
	check(t, "path-unique-strict", runRule(PathUniqueStrict, files, nil),
		"b.yaml:1 -> a.yaml:1", "c.yaml:1 -> a.yaml:1", "d.yaml:1 -> a.yaml:1", "e.yaml:1 -> a.yaml:1", "g.yaml:1 -> a.yaml:1")
}

// In a partial run the clash goes on the named file, whichever of the two
// comes first; a file that is not named never gets a diagnostic.
func TestClashInPartialRun(t *testing.T) {
	files := apis(
		api("a.yaml", 1, "Same", "GET", "/a"),
		api("b.yaml", 1, "Same", "GET", "/b"),
		api("c.yaml", 1, "Same", "GET", "/c"),
		api("d.yaml", 1, "Same", "GET", "/d"),
	)
	only := func(names ...string) func(string) bool {
		return func(f string) bool {
			for _, n := range names {
				if f == n {
					return true
				}
			}
			return false
		}
	}
	check(t, "full", runRule(DuplicateAPIName, files, nil), "b.yaml:1 -> a.yaml:1", "c.yaml:1 -> a.yaml:1", "d.yaml:1 -> a.yaml:1")
	check(t, "first named", runRule(DuplicateAPIName, files, only("a.yaml")), "a.yaml:1 -> b.yaml:1 -> c.yaml:1 -> d.yaml:1")
	check(t, "middle named", runRule(DuplicateAPIName, files, only("c.yaml")), "c.yaml:1 -> a.yaml:1")
	check(t, "first and last named", runRule(DuplicateAPIName, files, only("a.yaml", "d.yaml")),
		"a.yaml:1 -> b.yaml:1 -> c.yaml:1", "d.yaml:1 -> a.yaml:1")
	check(t, "none named", runRule(DuplicateAPIName, files, only()))
}

func TestDuplicateServiceWithoutGateway(t *testing.T) {
	svc := func(file string, doc, line int, gw, name string) Fact {
		l := locAt(file, line)
		l.Document = doc
		return Fact{Kind: services.Name, Key: name, At: l, Attrs: []string{gw}}
	}
	files := []FileIndex{{Facts: []Fact{
		svc("a.yaml", 0, 1, "", "users"),
		svc("a.yaml", 0, 3, "", "users"), // same list: one gateway, whatever it is
		svc("a.yaml", 1, 9, "", "users"), // another definition, gateway unknown: fine
		svc("b.yaml", 0, 1, "gw-1", "users"),
		svc("c.yaml", 0, 1, "gw-2", "users"),
		svc("d.yaml", 0, 1, "gw-1", "users"),
	}}}
	check(t, "duplicate-service", runRule(DuplicateService, files, nil), "a.yaml:3 -> a.yaml:1", "d.yaml:1 -> b.yaml:1")
}

// Many definitions on one path must not make the rules quadratic, and one
// diagnostic lists at most maxRelated related locations.
func TestClashesScale(t *testing.T) {
	const n = 20000
	var list []Fact
	for i := 0; i < n; i++ {
		list = append(list, api(fmt.Sprintf("f%05d.yaml", i), 1, "Same", []string{"GET", "ANY"}[i%2], "/same")...)
	}
	start := time.Now()
	var out []diag.Diagnostic
	ctx := NewProjectContext(facts.NewIndex([]FileIndex{{Facts: list}}, func(f string) bool { return f == "f00000.yaml" }), &out)
	for _, r := range []*Rule{DuplicateAPIName, DuplicateAPIPath, PathUniqueStrict} {
		ctx.Run(r)
	}
	if len(out) != 3 {
		t.Fatalf("want one diagnostic per rule on the named file, got %d", len(out))
	}
	for _, d := range out {
		if len(d.Related) != maxRelated {
			t.Errorf("%s: %d related locations, want %d", d.Rule, len(d.Related), maxRelated)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// A repeated API name in a Serverless Devs group says what the component
// does with it.
func TestDuplicateAPINameDevsMessage(t *testing.T) {
	group := facts.Symbolic("devs:cn-hangzhou/shop", "shop")
	files := []FileIndex{{Facts: []Fact{
		{Kind: apiNames.Name, Key: group, At: locAt("s.yaml", 3), Attrs: []string{"getOrder"}},
		{Kind: apiNames.Name, Key: group, At: locAt("s.yaml", 9), Attrs: []string{"getOrder"}},
	}}}
	var out []diag.Diagnostic
	NewProjectContext(facts.NewIndex(files, nil), &out).Run(DuplicateAPIName)
	if len(out) != 1 || !strings.Contains(out[0].Message, "group devs:cn-hangzhou/shop") || !strings.Contains(out[0].Message, "silently modify the earlier API") {
		t.Fatalf("%+v", out)
	}
}
