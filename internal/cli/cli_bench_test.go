package cli

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkOneFile is the editor-on-save path inside one process (the
// schemas already loaded): flags, walk, read, check, text output.
func BenchmarkOneFile(b *testing.B) {
	file := filepath.Join("..", "..", "testdata", "examples", "apis", "users", "get-user.yaml")
	for b.Loop() {
		if code := testMain([]string{"lint", "--no-cache", file}, strings.NewReader(""), io.Discard, io.Discard); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
