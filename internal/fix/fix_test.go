package fix

import (
	"bytes"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
)

func withFix(safe bool, edits ...diag.Edit) diag.Diagnostic {
	return diag.Diagnostic{Fixes: []diag.Fix{{Message: "m", Safe: safe, Edits: edits}}}
}

func TestApply(t *testing.T) {
	src := []byte("abcdefghij")
	cases := []struct {
		name    string
		diags   []diag.Diagnostic
		unsafe  bool
		want    string
		applied int
		later   int
	}{
		{"two apart", []diag.Diagnostic{withFix(true, diag.Edit{Start: 0, End: 1, NewText: "A"}), withFix(true, diag.Edit{Start: 5, End: 6, NewText: "FF"})}, false, "AbcdeFFghij", 2, 0},
		{"overlap waits", []diag.Diagnostic{withFix(true, diag.Edit{Start: 1, End: 4, NewText: "X"}), withFix(true, diag.Edit{Start: 3, End: 5, NewText: "Y"})}, false, "aXefghij", 1, 1},
		{"same edit once", []diag.Diagnostic{withFix(true, diag.Edit{Start: 2, End: 3, NewText: "C"}), withFix(true, diag.Edit{Start: 2, End: 3, NewText: "C"})}, false, "abCdefghij", 1, 0},
		{"adjacent", []diag.Diagnostic{withFix(true, diag.Edit{Start: 0, End: 2}), withFix(true, diag.Edit{Start: 2, End: 4, NewText: "-"})}, false, "-efghij", 2, 0},
		{"two inserts at one place", []diag.Diagnostic{withFix(true, diag.Edit{Start: 3, End: 3, NewText: "1"}), withFix(true, diag.Edit{Start: 3, End: 3, NewText: "2"})}, false, "abc1defghij", 1, 1},
		{"unsafe skipped", []diag.Diagnostic{withFix(false, diag.Edit{Start: 0, End: 1, NewText: "A"})}, false, "abcdefghij", 0, 0},
		{"unsafe applied", []diag.Diagnostic{withFix(false, diag.Edit{Start: 0, End: 1, NewText: "A"})}, true, "Abcdefghij", 1, 0},
		{"outside ignored", []diag.Diagnostic{withFix(true, diag.Edit{Start: 8, End: 11, NewText: "A"})}, false, "abcdefghij", 0, 0},
		{"several edits of one fix", []diag.Diagnostic{withFix(true, diag.Edit{Start: 9, End: 10, NewText: "J"}, diag.Edit{Start: 0, End: 1, NewText: "A"})}, false, "AbcdefghiJ", 1, 0},
	}
	for _, c := range cases {
		got, p := Apply(src, c.diags, c.unsafe)
		if string(got) != c.want || p.Applied != c.applied || p.Deferred != c.later {
			t.Errorf("%s: %q %+v, want %q applied %d deferred %d", c.name, got, p, c.want, c.applied, c.later)
		}
	}
	if string(src) != "abcdefghij" {
		t.Error("Apply changed its input")
	}
	// The first fix that may be applied is the one taken.
	d := diag.Diagnostic{Fixes: []diag.Fix{{Safe: false, Edits: []diag.Edit{{Start: 0, End: 1, NewText: "U"}}}, {Safe: true, Edits: []diag.Edit{{Start: 0, End: 1, NewText: "S"}}}}}
	if got, _ := Apply(src, []diag.Diagnostic{d}, false); string(got) != "Sbcdefghij" {
		t.Errorf("safe only: %q", got)
	}
	if got, _ := Apply(src, []diag.Diagnostic{d}, true); string(got) != "Ubcdefghij" {
		t.Errorf("unsafe too: %q", got)
	}
}

func TestDiffFormat(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	after := strings.Replace(strings.Replace(before, "b\n", "B\n", 1), "m\n", "", 1)
	var out bytes.Buffer
	if err := Diff(&out, "x.yaml", []byte(before), []byte(after)); err != nil {
		t.Fatal(err)
	}
	want := "--- x.yaml\n+++ x.yaml\n" +
		"@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n" +
		"@@ -10,5 +10,4 @@\n j\n k\n l\n-m\n n\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	out.Reset()
	if Diff(&out, "x", []byte("a\n"), []byte("a\n")); out.Len() != 0 {
		t.Errorf("no change, but %q", out.String())
	}
	out.Reset()
	Diff(&out, "x", []byte("a\r\nb"), []byte("a\r\nc"))
	if want := "--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// TestDiffApplies: on random edits of random files, applying the hunks
// Diff writes to the old text gives the new text.
func TestDiffApplies(t *testing.T) {
	rng := rand.New(rand.NewSource(16))
	for i := 0; i < 300; i++ {
		var a []string
		for n := rng.Intn(40); n > 0; n-- {
			a = append(a, strconv.Itoa(rng.Intn(6))+"\n")
		}
		b := append([]string(nil), a...)
		for n := rng.Intn(5); n > 0; n-- {
			at := rng.Intn(len(b) + 1)
			switch rng.Intn(3) {
			case 0:
				b = append(b[:at], append([]string{"new\n"}, b[at:]...)...)
			case 1:
				if at < len(b) {
					b = append(b[:at], b[at+1:]...)
				}
			default:
				if at < len(b) {
					b[at] = "changed\n"
				}
			}
		}
		before, after := strings.Join(a, ""), strings.Join(b, "")
		var out bytes.Buffer
		Diff(&out, "f", []byte(before), []byte(after))
		if got := patch(t, before, out.String()); got != after {
			t.Fatalf("case %d: patching gives %q, want %q\n%s", i, got, after, out.String())
		}
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n$`)

// patch applies a unified diff of whole lines ending in "\n".
func patch(t *testing.T, before, diff string) string {
	if diff == "" {
		return before
	}
	old := lines([]byte(before))
	var out []string
	at := 0
	ls := strings.SplitAfter(diff, "\n")
	for i := 2; i < len(ls); i++ {
		l := ls[i]
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "@@") {
			m := hunkHeader.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("bad hunk header %q", l)
			}
			s, _ := strconv.Atoi(m[1])
			n := 1
			if m[2] != "" {
				n, _ = strconv.Atoi(m[2])
			}
			start := s - 1
			if n == 0 {
				start = s
			}
			out = append(out, old[at:start]...)
			at = start
			continue
		}
		switch l[0] {
		case ' ':
			if old[at] != l[1:] {
				t.Fatalf("context %q does not match %q", l, old[at])
			}
			out = append(out, l[1:])
			at++
		case '-':
			if old[at] != l[1:] {
				t.Fatalf("removed %q does not match %q", l, old[at])
			}
			at++
		case '+':
			out = append(out, l[1:])
		}
	}
	out = append(out, old[at:]...)
	return strings.Join(out, "")
}

// BenchmarkApplyManyFixes: one pass over a file with 50,000 fixes (a
// generated file of misspelt keys); choosing the edits is a binary search
// per edit, not a scan of those chosen.
func BenchmarkApplyManyFixes(b *testing.B) {
	const n = 50000
	src := bytes.Repeat([]byte("Visiblity: private\n"), n)
	diags := make([]diag.Diagnostic, n)
	for i := range diags {
		at := i * 19
		diags[i].Fixes = []diag.Fix{{Message: "rename", Safe: true, Edits: []diag.Edit{{Start: at, End: at + 9, NewText: "Visibility"}}}}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, p := Apply(src, diags, false)
		if p.Applied != n || len(out) != len(src)+n {
			b.Fatalf("applied %d", p.Applied)
		}
	}
}
