package suppress

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/rules"
)

// comments returns "LINE:COL text" for every comment the scan finds.
func comments(src string) []string {
	var out []string
	for i, l := range scanLines([]byte(src)) {
		if l.comment >= 0 {
			out = append(out, fmt.Sprintf("%d:%d %s", i+1, l.comment+1, l.text[l.comment:]))
		}
	}
	return out
}

func TestScanFindsOnlyRealComments(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"line-start and line-end", "# a\nkey: v  # b\n", []string{"1:1 # a", "2:9 # b"}},
		{"hash without space is text", "key: a#b\nurl: http://x/#frag\n", nil},
		{"double-quoted", "key: \"a # not\"  # yes\n", []string{"1:17 # yes"}},
		{"single-quoted with doubled quote", "key: 'it''s # not'  # yes\n", []string{"1:21 # yes"}},
		{"escaped quote", "key: \"a \\\" # not\"\n", nil},
		{"quote inside a plain scalar is text", "key: it\"s # yes\n", []string{"1:11 # yes"}},
		{"multi-line double-quoted", "key: \"first\n  # not a comment\n  last\" # yes\nnext: 1 # also\n", []string{"3:9 # yes", "4:9 # also"}},
		{"multi-line single-quoted", "key: 'first\n  # not\n  last'\n# yes\n", []string{"4:1 # yes"}},
		{"literal block", "key: |\n  # not a comment\n  text # not either\nnext: 1 # yes\n", []string{"4:9 # yes"}},
		{"folded block with header comment", "key: >- # header\n  # body\n\n  # body after a blank line\n# yes\n", []string{"1:9 # header", "5:1 # yes"}},
		{"block in a sequence of mappings", "items:\n  - name: |\n      # body\n    other: x # yes\n", []string{"4:14 # yes"}},
		{"block as a sequence item", "items:\n  - |\n    # body\n  - x # yes\n", []string{"4:7 # yes"}},
		{"block at the document root ends at the marker", "--- |\n# body\n---\n# yes\n", []string{"4:1 # yes"}},
		{"flow collection", "a: [\"x # not\", 'y # not'] # yes\nb: {\"k\":\"v # not\"} # yes\n", []string{"1:27 # yes", "2:20 # yes"}},
		{"multi-line flow", "a: [\n  \"x # not\",\n  y, # yes\n]\n", []string{"3:6 # yes"}},
		{"anchor and tag before a quote", "a: &x \"# not\"\nb: !!str '# not' # yes\n", []string{"2:18 # yes"}},
		{"CRLF", "a: 1 # x\r\nb: \"# not\"\r\n", []string{"1:6 # x"}},
		{"BOM", "\xEF\xBB\xBF# x\n", []string{"1:1 # x"}},
		{"unclosed quote swallows the rest", "a: \"oops\n# not\n", nil},
		{"tab before hash", "a: 1\t# x\n", []string{"1:6 # x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := comments(tt.src)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("comments of %q:\n got  %q\n want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestScanIgnoresTextThatLooksLikeADirective(t *testing.T) {
	for _, src := range []string{
		"Description: \"# apigwlint-disable-file schema -- not a comment\"\n",
		"Description: |\n  # apigwlint-disable-file schema -- in a block scalar\n",
		"Description: >\n  text\n  # apigwlint-disable-next-line schema -- still the body\n",
		"Description: 'multi\n  # apigwlint-disable-file schema -- inside quotes\n  line'\n",
		"apigwlint-disable-file: schema\n",
	} {
		if s := Scan("a.yaml", []byte(src)); s != nil {
			t.Errorf("Scan(%q) = %+v, want nothing", src, s)
		}
	}
	if s := Scan("a.json", []byte(`{"a": 1} # apigwlint-disable-file schema -- x`)); s != nil {
		t.Errorf("a JSON file has no comments, got %+v", s)
	}
}

func TestScanForms(t *testing.T) {
	src := strings.Join([]string{
		"# apigwlint-disable-file unknown-field -- vendor keys", // 1
		"a: 1", // 2
		"# apigwlint-disable-next-line schema, unknown-field -- r1", // 3
		"",                  // 4
		"# a plain comment", // 5
		"b: 2",              // 6
		"c: 3  #apigwlint-disable-line schema -- r2",           // 7
		"d: \"é\"  # apigwlint-disable-next-line syntax -- r3", // 8
		"e: 5", // 9
	}, "\n")
	s := Scan("f.yaml", []byte(src))
	if s == nil {
		t.Fatal("no directives found")
	}
	if len(s.Invalid) != 0 {
		t.Fatalf("unexpected problems: %+v", s.Invalid)
	}
	type dir struct {
		kind          Kind
		line, target  int
		rules, reason string
		firstCol      int
	}
	var got []dir
	for _, d := range s.Directives {
		var ids []string
		for _, e := range d.Entries {
			ids = append(ids, e.Rule)
		}
		got = append(got, dir{d.Kind, d.Line, d.Target, strings.Join(ids, ","), d.Reason, d.Entries[0].Range.Start.Col})
	}
	want := []dir{
		{File, 1, 0, "unknown-field", "vendor keys", 26},
		{NextLine, 3, 6, "schema,unknown-field", "r1", 31},
		{Line, 7, 7, "schema", "r2", 31},
		{NextLine, 8, 9, "syntax", "r3", 39},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("directives:\n got  %v\n want %v", got, want)
	}
}

func TestScanInvalid(t *testing.T) {
	tests := []struct {
		src, msg string
		col      int
	}{
		{"a: 1 # apigwlint-disable-line schema\n", "without a reason", 6},
		{"a: 1 # apigwlint-disable-line schema --\n", "empty reason", 6},
		{"# apigwlint-disable-next-line shcema -- typo\na: 1\n", `unknown rule "shcema"; did you mean "schema"?`, 31},
		{"# apigwlint-disable-next-line -- no rule\na: 1\n", "names no rule", 3},
		{"# apigwlint-disable-nextline schema -- r\na: 1\n", `did you mean "apigwlint-disable-next-line"?`, 3},
		{"# apigwlint-disable-line schema -- r\na: 1\n", "holds only the comment", 3},
		{"a: 1\n# apigwlint-disable-next-line schema -- r\n# nothing after\n", "followed by no line", 3},
		{"# apigwlint-disable-next-line schema because old -- r\na: 1\n", "separate rules with commas", 31},
		{"# apigwlint-disable-file unused-suppression -- r\n", "cannot be suppressed inline", 26},
	}
	for _, tt := range tests {
		s := Scan("f.yaml", []byte(tt.src))
		if s == nil || len(s.Invalid) != 1 {
			t.Errorf("Scan(%q): want one problem, got %+v", tt.src, s)
			continue
		}
		d := s.Invalid[0]
		if !strings.Contains(d.Message, tt.msg) || d.Range.Start.Col != tt.col || d.Rule != rules.InvalidSuppression.ID || d.File != "f.yaml" {
			t.Errorf("Scan(%q) = %d:%d %s %q; want column %d and %q", tt.src, d.Range.Start.Line, d.Range.Start.Col, d.Rule, d.Message, tt.col, tt.msg)
		}
	}
}

func at(line int, rule string) diag.Diagnostic {
	return diag.Diagnostic{File: "f.yaml", Rule: rule, Severity: diag.Error, Message: rule,
		Range: diag.Range{Start: diag.Pos{Line: line, Col: 3}, End: diag.Pos{Line: line, Col: 4}}}
}

func summary(ds []diag.Diagnostic) string {
	var out []string
	diag.Sort(ds)
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%d %s %s", d.Range.Start.Line, d.Range.Start.Col, d.Rule, d.Severity))
	}
	return strings.Join(out, "\n")
}

func TestApply(t *testing.T) {
	src := strings.Join([]string{
		"# apigwlint-disable-file duplicate-key -- kept on purpose", // 1
		"a: 1", // 2
		"# apigwlint-disable-next-line schema, unknown-field -- r", // 3
		"b: 2", // 4
		"c: 3  # apigwlint-disable-line schema -- r", // 5
		"d: 4  # apigwlint-disable-line schema",      // 6
	}, "\n")
	s := Scan("f.yaml", []byte(src))
	in := []diag.Diagnostic{
		at(2, "duplicate-key"), at(6, "duplicate-key"), // the file directive
		at(4, "schema"),        // next-line: used; its unknown-field entry is not
		at(5, "unknown-field"), // not named on line 5: kept; schema entry unused
		at(6, "schema"),        // suppressed, but the directive has no reason
		at(2, "schema"),        // no directive: kept
	}
	got := summary(s.Apply(in, nil))
	want := strings.Join([]string{
		"2:3 schema error",
		"3:39 unused-suppression warning",
		"5:3 unknown-field error",
		"5:32 unused-suppression warning",
		"6:7 invalid-suppression error",
	}, "\n")
	if got != want {
		t.Errorf("Apply:\n got\n%s\n want\n%s", got, want)
	}
}

func TestApplySeverities(t *testing.T) {
	s := Scan("f.yaml", []byte("a: 1  # apigwlint-disable-line schema\nb: 2  # apigwlint-disable-line schema -- r\n"))
	sev := func(r *rules.Rule) diag.Severity {
		switch r.ID {
		case rules.InvalidSuppression.ID:
			return diag.Warning
		case rules.UnusedSuppression.ID:
			return diag.Off
		}
		return r.Severity
	}
	got := summary(s.Apply([]diag.Diagnostic{at(1, "schema")}, sev))
	if got != "1:7 invalid-suppression warning" {
		t.Errorf("configured severities not applied: %s", got)
	}
	var none *Set
	if out := none.Apply([]diag.Diagnostic{at(1, "schema")}, nil); len(out) != 1 {
		t.Errorf("a nil set must keep every diagnostic")
	}
}

func TestDiagnosticsAboutSuppressionsAreNotSuppressed(t *testing.T) {
	s := Scan("f.yaml", []byte("# apigwlint-disable-file schema -- r\na: 1\n"))
	in := []diag.Diagnostic{at(2, rules.UnusedSuppression.ID), at(2, "schema")}
	got := summary(s.Apply(in, nil))
	if got != "2:3 unused-suppression error" {
		t.Errorf("got %s", got)
	}
}

// FuzzScan: no input panics, and every position lies on a line of the input.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"# apigwlint-disable-file schema -- r\n", "a: \"x\n# apigwlint-disable-line a,b,,c -- \n", "--- |\n# apigwlint-\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s := Scan("f.yaml", []byte(src))
		if s == nil {
			return
		}
		n := strings.Count(src, "\n") + strings.Count(src, "\r") + 1
		for _, d := range s.Invalid {
			if d.Range.Start.Line < 1 || d.Range.Start.Line > n || d.Range.Start.Col < 1 {
				t.Fatalf("bad position %v", d.Range)
			}
		}
	})
}

// BenchmarkScan: a 2,000-line file with a directive every 20 lines, and the
// same file without any (the common case: one bytes.Contains).
func BenchmarkScan(b *testing.B) {
	var with, without strings.Builder
	for i := 0; i < 100; i++ {
		with.WriteString("# apigwlint-disable-next-line unknown-field -- r\n")
		for j := 0; j < 19; j++ {
			fmt.Fprintf(&with, "  key%d: \"value # %d\"  # comment\n", j, i)
			fmt.Fprintf(&without, "  key%d: \"value # %d\"  # comment\n", j, i)
		}
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"directives", []byte(with.String())}, {"none", []byte(without.String())}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				Scan("f.yaml", c.data)
			}
		})
	}
}
