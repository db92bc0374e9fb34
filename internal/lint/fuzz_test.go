package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// FuzzCheckBytes lints one file of any content, as named or as walked:
// nothing panics (this calls CheckBytes directly, with no recover around
// it), nothing hangs, every diagnostic names the file and every position
// is inside it. Seeds are the repository's definition files; crashers are
// saved under testdata/fuzz/FuzzCheckBytes and rerun by every go test:
//
//	go test -run XXX -fuzz FuzzCheckBytes -fuzztime 20s ./internal/lint
func FuzzCheckBytes(f *testing.F) {
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isDefinitionFile(p) {
			if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
				f.Add(data, strings.HasSuffix(p, ".json"), false)
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, data []byte, isJSON, explicit bool) {
		name := "dir/f.yaml"
		if isJSON {
			name = "dir/f.json"
		}
		var fr *FileResult
		done := make(chan struct{})
		go func() {
			defer close(done)
			fr = CheckBytes(name, data, explicit)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("no result after 5s: linting hangs (or is far too slow) on this input")
		}
		lens := lines(fr.File, data)
		check := func(what string, file string, r diag.Range) {
			if file != name {
				t.Fatalf("%s names %q, not the file", what, file)
			}
			for _, p := range []diag.Pos{r.Start, r.End} {
				if p.Line < 1 || p.Line > len(lens) || p.Col < 1 || p.Col > lens[p.Line-1]+2 {
					t.Fatalf("%s at %d:%d, outside the file (%d lines)", what, p.Line, p.Col, len(lens))
				}
			}
			if r.End.Less(r.Start) {
				t.Fatalf("%s: range %v ends before it starts", what, r)
			}
		}
		for _, d := range fr.Diags {
			if strings.Contains(d.Message, "internal parser failure") {
				t.Fatalf("the parser panicked: %s", d.Message)
			}
			what := fmt.Sprintf("%s diagnostic %q", d.Rule, d.Message)
			check(what, d.File, d.Range)
			for _, r := range d.Related {
				check("related of "+what, r.File, r.Range)
			}
			if d.Message == "" || d.Rule == "" {
				t.Fatalf("diagnostic without rule or message: %+v", d)
			}
		}
		if explicit && len(fr.Diags) == 0 && fr.Definitions == 0 {
			t.Fatal("a file named explicitly with no definition got no diagnostic")
		}
		// Fixes: edits inside the bytes as read, and a safe fix never
		// makes the file parse worse (a few per input, for speed).
		tried := 0
		for _, d := range fr.Diags {
			for _, fx := range d.Fixes {
				for _, e := range fx.Edits {
					if e.Start < 0 || e.End < e.Start || e.End > len(data) {
						t.Fatalf("%s fix %q: edit %+v outside the %d bytes", d.Rule, fx.Message, e, len(data))
					}
				}
				if !fx.Safe || tried == 3 || len(fx.Edits) != 1 {
					continue
				}
				tried++
				e := fx.Edits[0]
				fixed := append(append(append([]byte(nil), data[:e.Start]...), e.NewText...), data[e.End:]...)
				after := CheckBytes(name, fixed, explicit)
				if fileProblems(after) > fileProblems(fr) || after.Definitions < fr.Definitions {
					t.Fatalf("the safe fix %q of %s makes the file parse worse:\n%s", fx.Message, d.Rule, fixed)
				}
			}
		}
	})
}

// lines gives the length in characters of each line the positions of a
// file refer to.
func lines(f *source.File, data []byte) []int {
	text := string(data)
	if f != nil && f.Src != nil {
		text = string(f.Src)
	} else {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	var out []int
	for _, l := range strings.Split(text, "\n") {
		out = append(out, utf8.RuneCountInString(l))
	}
	return out
}

// fileProblems counts the problems of reading the file itself.
func fileProblems(fr *FileResult) int {
	n := 0
	for _, d := range fr.File.Problems {
		switch d.Rule {
		case source.RuleSyntax, source.RuleEncoding, source.RuleLimit, source.RuleDuplicateKey:
			n++
		}
	}
	return n
}
