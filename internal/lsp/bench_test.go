package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// BenchmarkDidChangeToDiagnostics measures what a keystroke costs once the
// debounce delay has passed: a didChange goes over the framed pipe, the
// engine lints the document, publishDiagnostics comes back and is decoded.
// The document is a typical definition (testdata/examples, 45 lines);
// the text alternates between correct and faulty so the list changes.
//
//	go test ./internal/lsp -run '^$' -bench DidChange -benchtime 2s
func BenchmarkDidChangeToDiagnostics(b *testing.B) {
	benchDidChange(b, 0)
}

// BenchmarkDidChangeTenOpen is the same with nine more definitions open:
// every change re-lints all open documents (for cross-file findings).
func BenchmarkDidChangeTenOpen(b *testing.B) {
	benchDidChange(b, 9)
}

func benchDidChange(b *testing.B, others int) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "apis", "users", "get-user.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	good := string(raw)
	bad := strings.Replace(good, "Visibility: PRIVATE", "Visibility: PRIVAT", 1)
	if bad == good {
		b.Fatal("fixture changed: no Visibility: PRIVATE")
	}
	root := b.TempDir()
	c := newTestClient(b, Options{})
	c.initialize(root)
	for i := 0; i < others; i++ {
		uri := pathToURI(filepath.Join(root, "other", strings.Repeat("o", i+1)+".yaml"))
		c.open(uri, good)
		c.diagnostics(uri, 1)
	}
	uri := pathToURI(filepath.Join(root, "get-user.yaml"))
	c.open(uri, good)
	c.diagnostics(uri, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		version := i + 2
		text, want := good, 0
		if i%2 == 0 {
			text, want = bad, 1
		}
		c.change(uri, version, text)
		if got := c.diagnostics(uri, version); len(got.Diagnostics) != want {
			b.Fatalf("version %d: %d diagnostics, want %d", version, len(got.Diagnostics), want)
		}
	}
}

// BenchmarkFixAll measures the fix-all action of a file with 50,000 safe
// fixes (a generated file with a key misspelt on every line): it is
// computed on every code action request without a kind filter, on the
// goroutine that answers requests.
//
//	go test ./internal/lsp -run '^$' -bench FixAll
func BenchmarkFixAll(b *testing.B) {
	const n = 50000
	src := strings.Repeat("Visibilty: x\n", n)
	ds := make([]diag.Diagnostic, n)
	for i := range ds {
		ds[i].Fixes = []diag.Fix{{Safe: true, Edits: []diag.Edit{{Start: i * 13, End: i*13 + 9, NewText: "Visibility"}}}}
	}
	r := &lintResult{text: newText(src), diags: ds}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := fixAll(r); len(got) != n {
			b.Fatalf("%d edits, want %d", len(got), n)
		}
	}
}
