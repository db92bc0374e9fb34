package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// runOut is run: stdout, stderr, exit code.
func runOut(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return run(t, args...)
}

// copyTree copies the definition files under src into a new temporary
// directory.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755)
		data, _ := os.ReadFile(p)
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	return dst
}

// The cache never changes what is reported: cold (no cache), first run
// (filling it), warm (from it) and warm over a damaged pack all print the
// same bytes, in text and JSON, on the clean examples and on a copy of the
// case suite's faulty files.
func TestWarmOutputIsIdenticalToCold(t *testing.T) {
	faulty := copyTree(t, filepath.Join("..", "..", "testdata", "cases", "builtin"))
	for _, tree := range []string{filepath.Join("..", "..", "testdata", "examples"), faulty} {
		for _, format := range []string{"text", "json"} {
			cacheDir := t.TempDir()
			cold, coldErr, coldCode := runOut(t, "lint", "--no-cache", "--format", format, tree)
			for _, run := range []string{"filling", "warm", "warm again"} {
				out, errOut, code := runOut(t, "lint", "--cache-dir", cacheDir, "--format", format, tree)
				if out != cold || errOut != coldErr || code != coldCode {
					t.Fatalf("%s %s %s run differs from a cold run:\n--- cold (exit %d)\n%s%s\n--- %s (exit %d)\n%s%s", tree, format, run, coldCode, cold, coldErr, run, code, out, errOut)
				}
			}
			packs, _ := filepath.Glob(filepath.Join(cacheDir, "results-*.pack"))
			if len(packs) != 1 {
				t.Fatalf("no pack written in %s: %v", cacheDir, packs)
			}
			data, _ := os.ReadFile(packs[0])
			data[len(data)/2] ^= 0xff
			os.WriteFile(packs[0], data, 0o644)
			if out, _, _ := runOut(t, "lint", "--cache-dir", cacheDir, "--format", format, tree); out != cold {
				t.Fatalf("%s %s: output over a damaged cache differs from a cold run", tree, format)
			}
		}
	}
	if !strings.Contains(mustRun(t, faulty), "error") {
		t.Fatal("the faulty copy reported no error: the comparison proves nothing")
	}
}

func mustRun(t *testing.T, dir string) string {
	out, _, _ := runOut(t, "lint", "--no-cache", dir)
	return out
}

// The environment variable places the cache; --no-cache wins over it.
func TestCacheDirFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("APIGWLINT_CACHE_DIR", dir)
	examples := filepath.Join("..", "..", "testdata", "examples")
	runOut(t, "lint", "--no-cache", examples)
	if m, _ := filepath.Glob(filepath.Join(dir, "*.pack")); len(m) != 0 {
		t.Fatal("--no-cache wrote a cache")
	}
	runOut(t, "lint", examples)
	if m, _ := filepath.Glob(filepath.Join(dir, "*.pack")); len(m) != 1 {
		t.Fatal("APIGWLINT_CACHE_DIR was not used")
	}
}

// A cache directory that cannot be used costs a warning, not the run.
func TestUnusableCacheDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	os.WriteFile(file, nil, 0o644)
	examples := filepath.Join("..", "..", "testdata", "examples")
	out, errOut, code := runOut(t, "lint", "--cache-dir", filepath.Join(file, "cache"), examples)
	if code != ExitOK || !strings.Contains(out, "0 errors") || !strings.Contains(errOut, "result cache disabled") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
}

// Runs sharing one cache at once all report the same thing.
func TestConcurrentRunsShareACache(t *testing.T) {
	faulty := copyTree(t, filepath.Join("..", "..", "testdata", "cases", "builtin"))
	cacheDir := t.TempDir()
	want, _, _ := runOut(t, "lint", "--no-cache", "--format", "json", faulty)
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 3; j++ {
				var stdout, stderr bytes.Buffer
				testMain([]string{"lint", "--cache-dir", cacheDir, "--format", "json", faulty}, strings.NewReader(""), &stdout, &stderr)
				if stdout.String() != want {
					t.Errorf("a concurrent run reported differently")
				}
			}
		}()
	}
	wg.Wait()
}
