package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Terminal safety: control characters, escape sequences and bidi overrides
// from file content and file names reach the text output escaped, never
// raw, and carets stay under what they mark.
func TestTextOutputEscapesFileContent(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", "terminal-escapes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := "evil\x1b[2Jname\u202e.yaml"
	if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runOut(t, "lint", "--no-cache", "--color", "never", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for i, r := range out {
		if r == utf8.RuneError || (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("raw %U at byte %d of the output:\n%s", r, i, out)
		}
	}
	for _, want := range []string{`evil\x1b[2J\x1b]0;pwned\x07: x`, `rlo\u202eevil`, `csi \x9b31m`, `del\x7f`, `evil\x1b[2Jname\u202e.yaml:8:5`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The caret under the escaped key is as wide as the escaped key.
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.Contains(l, "|     rlo") {
			caret := strings.TrimLeft(strings.TrimPrefix(lines[i+1], "     | "), " ")
			if len(caret) != len(`rlo\u202eevil`) {
				t.Errorf("caret %q under %q", caret, l)
			}
		}
	}
}
