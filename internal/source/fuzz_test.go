package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Fuzz tests for the loader. Seeds are every definition file of the
// repository (cases, examples, hostile inputs); a crasher found by
//
//	go test -run XXX -fuzz FuzzLoad -fuzztime 20s ./internal/source
//
// is saved by Go under testdata/fuzz/FuzzLoad and then runs with every
// plain `go test`, as a regression case.

func seeds(f *testing.F) {
	f.Helper()
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch filepath.Ext(p) {
		case ".yaml", ".yml", ".json":
			if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
				f.Add(data, filepath.Ext(p) == ".json")
			}
		}
		return nil
	})
	f.Add([]byte("K: '{\"a\": [1, {\"b\": \"\\u00e9\"}]}'\nL: \"{\\\"x\\\":\\n  1}\"\nM: |\n  {\"c\":\n   true}\n"), false)
	f.Add([]byte("{\"K\": \"{\\\"a\\\": \\\"\\\\u00e9x\\\"}\"}"), true)
	// A double-quoted scalar continued with a backslash (its range once ran
	// past the end of its first line).
	f.Add([]byte("A:\n  B: \"first line of text\\\n    \\ continued here\\n\"\n"), false)
}

// withDeadline runs f and fails the test when it takes more than a few
// seconds (the fuzzing engine has no time limit per input, so a hang would
// stall it silently instead of being reported and saved).
func withDeadline(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(timeScale * 5 * time.Second):
		t.Fatal("no result after 5s: the loader hangs (or is far too slow) on this input")
	}
}

// lineLens returns the length in characters of each line of the text the
// positions refer to: Src when the file decoded, else the raw bytes (where
// CRLF and CR end lines too).
func lineLens(f *File, data []byte) []int {
	text := f.Src
	if text == nil {
		text = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	var out []int
	for _, l := range strings.Split(string(text), "\n") {
		out = append(out, utf8.RuneCountInString(l))
	}
	return out
}

// inside reports whether a range lies within the text: lines exist,
// columns are at most one past the end of their line, end not before start.
func inside(lens []int, r diag.Range) error {
	for _, p := range []diag.Pos{r.Start, r.End} {
		if p.Line < 1 || p.Line > len(lens) || p.Col < 1 || p.Col > lens[p.Line-1]+2 {
			return fmt.Errorf("position %d:%d outside the text (%d lines)", p.Line, p.Col, len(lens))
		}
	}
	if r.End.Less(r.Start) {
		return fmt.Errorf("range %v ends before it starts", r)
	}
	return nil
}

func checkNodes(t *testing.T, lens []int, n *Node, what string) {
	n.Walk(func(x *Node) bool {
		if err := inside(lens, x.Range); err != nil {
			t.Fatalf("%s: node %q: %v", what, x.Pointer, err)
		}
		if x.KeyRange != (diag.Range{}) {
			if err := inside(lens, x.KeyRange); err != nil {
				t.Fatalf("%s: key of %q: %v", what, x.Pointer, err)
			}
		}
		return true
	})
}

// FuzzLoad: no input makes the loader panic or hang, and every position it
// gives (problems, nodes, and the nodes of JSON documents expanded from
// string values) is inside the file.
func FuzzLoad(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		name := "f.yaml"
		if isJSON {
			name = "f.json"
		}
		var file *File
		withDeadline(t, func() { file = Load(name, data, testOptions) })
		for _, p := range file.Problems {
			if strings.Contains(p.Message, "internal parser failure") {
				t.Fatalf("the parser panicked: %s", p.Message)
			}
		}
		lens := lineLens(file, data)
		for _, p := range file.Problems {
			if err := inside(lens, p.Range); err != nil {
				t.Fatalf("problem %q: %v", p.Message, err)
			}
			for _, r := range p.Related {
				if err := inside(lens, r.Range); err != nil {
					t.Fatalf("related of %q: %v", p.Message, err)
				}
			}
		}
		for _, doc := range file.Docs {
			checkNodes(t, lens, doc.Root, "tree")
			// JSON-in-string: every string that holds JSON maps its
			// positions into the file.
			doc.Root.Walk(func(x *Node) bool {
				if x.Kind != String {
					return true
				}
				tree, dups, err := Expand(x)
				if err != nil {
					var se *SyntaxError
					if e, ok := err.(*SyntaxError); ok {
						se = e
					}
					if se == nil {
						t.Fatalf("Expand: %v", err)
					}
					if err := inside(lens, se.Range); err != nil {
						t.Fatalf("error in string %q: %v", x.Pointer, err)
					}
					return true
				}
				for _, d := range dups {
					if inside(lens, d.Range) != nil || inside(lens, d.First) != nil {
						t.Fatalf("duplicate key %q in string %q outside the file", d.Key, x.Pointer)
					}
				}
				checkNodes(t, lens, tree, "string "+x.Pointer)
				return true
			})
		}
	})
}
