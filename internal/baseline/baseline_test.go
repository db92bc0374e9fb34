package baseline

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func findings() []Finding {
	return []Finding{
		{File: "apis/b.yaml", Rule: "schema", Message: "bad <value>", Line: "  Visibility: private"},
		{File: "apis/a.yaml", Rule: "unknown-field", Message: "unknown key", Line: "ApiNam: x"},
		{File: "apis/b.yaml", Rule: "schema", Message: "bad <value>", Line: "Visibility: private  "},
	}
}

func TestBuildCountsAndSorts(t *testing.T) {
	b := Build(findings())
	if len(b.Entries) != 2 || b.Entries[0].File != "apis/a.yaml" || b.Entries[1].Count != 2 {
		t.Fatalf("entries = %+v", b.Entries)
	}
	long := Build([]Finding{{File: "a", Rule: "r", Message: strings.Repeat("é", 200)}})
	if m := long.Entries[0].Message; m != strings.Repeat("é", 80)+"…" {
		t.Errorf("a long message is kept whole: %d characters", len([]rune(m)))
	}
	if b.Findings() != 3 || b.Files() != 2 {
		t.Errorf("Findings, Files = %d, %d", b.Findings(), b.Files())
	}
	// The order of the findings does not change the file.
	rev := findings()
	rev[0], rev[1] = rev[1], rev[0]
	var x, y bytes.Buffer
	b.Encode(&x)
	Build(rev).Encode(&y)
	if x.String() != y.String() {
		t.Errorf("not deterministic:\n%s\n%s", x.String(), y.String())
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Build(findings()).Encode(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if !strings.Contains(text, `"message":"bad <value>"`) || strings.Count(text, "\n") != 7 {
		t.Errorf("encoded:\n%s", text)
	}
	b, err := Parse("x.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	b.Encode(&again)
	if again.String() != text {
		t.Errorf("round trip changed the file:\n%s\n%s", text, again.String())
	}
	var empty bytes.Buffer
	Build(nil).Encode(&empty)
	if empty.String() != "{\n  \"version\": 1,\n  \"entries\": []\n}\n" {
		t.Errorf("empty = %q", empty.String())
	}
	if b, err := Parse("x", empty.Bytes()); err != nil || len(b.Entries) != 0 {
		t.Errorf("empty: %v %v", b, err)
	}
}

func TestMatcherCounts(t *testing.T) {
	b := Build(findings())
	m := b.Matcher()
	f := findings()
	moved := f[0]
	moved.Line = "Visibility: private" // the same line, elsewhere, indented otherwise
	if !m.Match(moved) || !m.Match(f[2]) {
		t.Fatal("the two recorded twins do not match")
	}
	if m.Match(f[2]) {
		t.Error("a third identical finding matched a count of 2")
	}
	changed := f[1]
	changed.Message = "unknown key!"
	if m.Match(changed) {
		t.Error("another message matched")
	}
	all := func(string) bool { return true }
	stale := m.Stale(all)
	if len(stale) != 1 || stale[0].File != "apis/a.yaml" || stale[0].Count != 1 {
		t.Errorf("stale = %+v", stale)
	}
	if len(m.Stale(func(f string) bool { return f != "apis/a.yaml" })) != 0 {
		t.Error("a file not checked has stale entries")
	}
	if len(m.Stale(all)) != 1 {
		t.Error("Stale is not repeatable")
	}
}

func TestMerge(t *testing.T) {
	old := Build(findings())
	now := Build([]Finding{{File: "apis/c.yaml", Rule: "schema", Message: "m", Line: "l"}})
	got := Merge(old, now, func(f string) bool { return f != "apis/a.yaml" })
	var files []string
	for _, e := range got.Entries {
		files = append(files, e.File)
	}
	if strings.Join(files, " ") != "apis/b.yaml apis/c.yaml" {
		t.Errorf("merged = %v", files)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"", "x.json:1:1: the file is empty"},
		{"{\n  \"version\": 1,\n  \"entries\": [\n    {\"file\": \"a\", \"rule\": \"r\", \"fingerprint\": \"f\", \"count\": 0, \"message\": \"\"}\n  ]\n}\n", "x.json:4:5: entry 1 has count 0"},
		{"{\"version\": 2, \"entries\": []}", "x.json:1:2: version 2 is not one this apigwlint reads"},
		{"{\"entries\": []}", "x.json:1:1: no version"},
		{"{\"version\": 1,\n \"entries\": [}", "x.json:2:14: not valid JSON"},
		{"{\"version\": 1, \"extra\": 1}", "x.json:1:16: unknown key \"extra\""},
		{"{\"version\": 1, \"entries\": [{\"file\": \"a\", \"rule\": \"r\", \"fingerprint\": \"f\", \"count\": \"2\"}]}", "x.json:1:84: count is a JSON string where a number is expected"},
		{"{\"version\": 1, \"entries\": [{\"file\": \"a\\\\b\", \"rule\": \"r\", \"fingerprint\": \"f\", \"count\": 1}]}", "paths in a baseline use '/'"},
		{"{\"version\": 1, \"entries\": [{\"rule\": \"r\", \"fingerprint\": \"f\", \"count\": 1}]}", "x.json:1:28: entry 1 needs a file"},
		{"[]", "x.json:1:2: the value is a JSON array where an object is expected"},
		{"{\"version\": 1} {}", "unexpected text after"},
	} {
		_, err := Parse("x.json", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) = %v, want %q", c.text, err, c.want)
		}
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read(filepath.Join(dir, "none.json"), "none.json"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Read(dir, "dir"); err == nil || !strings.Contains(err.Error(), "dir: it is a directory") {
		t.Errorf("directory: %v", err)
	}
	p := filepath.Join(dir, FileName)
	os.WriteFile(p, []byte("{\"version\": 1, \"entries\": null}"), 0o644)
	if b, err := Read(p, FileName); err != nil || b.Entries == nil {
		t.Errorf("null entries: %v %v", b, err)
	}
}

func TestPruned(t *testing.T) {
	b := Build(findings())
	m := b.Matcher()
	m.Match(findings()[0]) // one of the two twins in b.yaml
	got := m.Pruned(func(f string) bool { return f == "apis/b.yaml" })
	if len(got.Entries) != 2 || got.Entries[0].File != "apis/a.yaml" || got.Entries[1].Count != 1 {
		t.Errorf("pruned = %+v", got.Entries)
	}
	if len(m.Pruned(func(string) bool { return true }).Entries) != 1 {
		t.Error("a.yaml checked and clean: its entry stays")
	}
}

// A clash is reported on the later file in a whole run and on the named
// one in a partial run, with another message; it is one finding.
func TestCrossFileEitherSide(t *testing.T) {
	later := Finding{File: "apis/b.yaml", Rule: "duplicate-api-path", Message: "GET /a overlaps GET /a in apis/a.yaml", Line: "RequestPath: /a",
		Others: []Location{{File: "apis/a.yaml", Line: "  RequestPath: /a"}}}
	earlier := Finding{File: "apis/a.yaml", Rule: "duplicate-api-path", Message: "GET /a (API B) overlaps GET /a", Line: "RequestPath: /a  ",
		Others: []Location{{File: "apis/b.yaml", Line: "RequestPath: /a"}}}
	merged := Merge(Build([]Finding{later}), Build([]Finding{earlier}), func(string) bool { return true })
	if merged.Findings() != 1 {
		t.Errorf("the clash recorded from both files: %+v", merged.Entries)
	}
	m := Build([]Finding{later}).Matcher()
	if !m.Match(earlier) {
		t.Error("the clash seen from the other file is new")
	}
	// The same side, the other file's line changed (a plan file written
	// again on one line): the fingerprint still matches.
	moved := later
	moved.Others = []Location{{File: "apis/a.yaml", Line: "RequestPath: /a # changed"}}
	if !Build([]Finding{later}).Matcher().Match(moved) {
		t.Error("a change in the other file made the finding new")
	}
	other := earlier
	other.Others = []Location{{File: "apis/c.yaml", Line: "RequestPath: /a"}}
	if Build([]Finding{later}).Matcher().Match(other) {
		t.Error("a clash with another file matched")
	}
}
