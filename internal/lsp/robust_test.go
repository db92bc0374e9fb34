package lsp

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHoverAndCompletionNeverPanic asks at many positions of every example
// and case file, whole and cut off mid-way as if being typed. A panic would
// be answered as an internal error; this test wants none at all.
func TestHoverAndCompletionNeverPanic(t *testing.T) {
	var files []string
	for _, dir := range []string{"examples", "cases", "lsp"} {
		filepath.WalkDir(filepath.Join("..", "..", "testdata", dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".json")) {
				files = append(files, path)
			}
			return nil
		})
	}
	if len(files) < 20 {
		t.Fatalf("found only %d files", len(files))
	}
	s := newServer(strings.NewReader(""), new(strings.Builder), Options{})
	s.root = t.TempDir()
	asked := 0
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := string(raw)
		for _, cut := range []int{len(src), len(src) * 2 / 3, len(src) / 3, len(src) / 7} {
			text := src[:cut]
			uri := pathToURI(filepath.Join(s.root, filepath.Base(path)))
			s.docs[uri] = &document{uri: uri, path: uriToPath(uri), version: 1, text: newText(text)}
			tx := newText(text)
			for line := 0; line < tx.lines(); line++ {
				n := utf16Len(tx.line(line))
				for _, ch := range []int{0, 1, n / 2, n - 1, n, n + 3} {
					pos := Position{Line: line, Character: ch}
					func() {
						defer func() {
							if r := recover(); r != nil {
								t.Errorf("%s cut at %d, %d:%d: panic %v", path, cut, line, ch, r)
							}
						}()
						s.hover(uri, pos)
						s.completion(completionParams{textDocumentPositionParams: textDocumentPositionParams{
							TextDocument: textDocumentIdentifier{URI: uri}, Position: pos}})
						asked++
					}()
				}
			}
		}
	}
	t.Logf("%d positions in %d files", asked, len(files))
}

// FuzzCompletion feeds arbitrary text and positions to hover and
// completion.
func FuzzCompletion(f *testing.F) {
	f.Add("Action: CreateApi\nRequestConfig:\n  Req\n", 2, 5)
	f.Add("Tag:\n- Key: a\n  \n", 2, 2)
	f.Add("{\"Action\": \"CreateApi\", }", 0, 24)
	f.Add("- - a: [\n  - \"x\": '", 1, 4)
	f.Add("\uFEFFAction: CreateService\r\nserviceConfigs:\r\n  - name: 😀\r\n    ", 3, 4)
	s := newServer(strings.NewReader(""), new(strings.Builder), Options{})
	s.root = f.TempDir()
	f.Fuzz(func(t *testing.T, src string, line, ch int) {
		for _, ext := range []string{".yaml", ".json"} {
			uri := pathToURI(filepath.Join(s.root, "f"+ext))
			s.docs[uri] = &document{uri: uri, path: uriToPath(uri), version: 1, text: newText(src)}
			pos := Position{Line: line, Character: ch}
			s.hover(uri, pos)
			s.completion(completionParams{textDocumentPositionParams: textDocumentPositionParams{
				TextDocument: textDocumentIdentifier{URI: uri}, Position: pos}})
		}
	})
}
