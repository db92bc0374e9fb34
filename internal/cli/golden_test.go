package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(repoRoot(t), "testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (rerun with -update after checking the change):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// repoRoot is found from this file's location, so it is right after
// t.Chdir too.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := testMain(args, strings.NewReader(""), &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

func TestGoldenOutput(t *testing.T) {
	root := repoRoot(t)
	t.Chdir(root)
	// Both projects are linted as the README says, from the repository root.
	for _, c := range []struct {
		cwd, dir string
		wantCode int
	}{{".", "testdata/examples", ExitOK}, {".", "testdata/faulty", ExitFindings}} {
		for _, format := range []string{"text", "json"} {
			t.Run(filepath.Base(c.dir)+"."+format, func(t *testing.T) {
				t.Chdir(filepath.Join(root, c.cwd))
				stdout, stderr, code := run(t, "lint", "--format", format, "--color", "never", c.dir)
				if code != c.wantCode {
					t.Errorf("exit %d, want %d; stderr: %s", code, c.wantCode, stderr)
				}
				golden(t, filepath.Base(c.dir)+"."+format, []byte(stdout))
			})
		}
	}
}
