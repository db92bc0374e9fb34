package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testMain is Main without a result cache unless the test passes
// --cache-dir (or sets APIGWLINT_CACHE_DIR): no test may read or write the
// user's cache directory. Every test of this package runs apigwlint
// through it.
func testMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return (&env{stdin: stdin, stdout: stdout, stderr: stderr, noDefaultCache: true}).main(args)
}

// Main uses the user's cache directory by default, for lint and for the
// language server; testMain does neither.
func TestCacheByDefault(t *testing.T) {
	file := filepath.Join(t.TempDir(), "service.yaml")
	if err := os.WriteFile(file, []byte(goodService), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, main := range []struct {
		name  string
		run   func([]string, io.Reader, io.Writer, io.Writer) int
		cache bool
	}{{"testMain", testMain, false}, {"Main", Main, true}} {
		home := t.TempDir()
		t.Setenv("XDG_CACHE_HOME", home)
		t.Setenv("APIGWLINT_CACHE_DIR", "")
		if code := main.run([]string{"lint", file}, strings.NewReader(""), io.Discard, io.Discard); code != ExitOK {
			t.Fatalf("%s: exit %d", main.name, code)
		}
		e := &env{noDefaultCache: !main.cache}
		if got := e.lspCacheDir("", false) != ""; got != main.cache {
			t.Errorf("%s: language server cache: %v, want %v", main.name, got, main.cache)
		}
		entries, _ := os.ReadDir(home)
		if got := len(entries) > 0; got != main.cache {
			t.Errorf("%s: cache written to the user cache directory: %v, want %v", main.name, got, main.cache)
		}
	}
}
