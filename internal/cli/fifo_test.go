//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin is run, failing the test if Main does not return in time.
func runWithin(t *testing.T, release string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		out, err string
		code     int
	}
	done := make(chan result, 1)
	go func() {
		o, e, c := run(t, args...)
		done <- result{o, e, c}
	}()
	select {
	case r := <-done:
		return r.out, r.err, r.code
	case <-time.After(20 * time.Second):
		if w, err := os.OpenFile(release, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close() // let the blocked run end
		}
		t.Fatalf("apigwlint %s blocked", strings.Join(args, " "))
		return "", "", 0
	}
}

// A FIFO where the cache pack should be: a warning, and the run checks
// everything without the cache.
func TestCachePackFIFO(t *testing.T) {
	cacheDir := t.TempDir()
	file := "../../testdata/golden/faulty/services/user-service.yaml"
	cfg := faultyProject + "/.apigwlint.yaml" // the fixture is a project of its own
	if _, errOut, code := run(t, "lint", "--config", cfg, "--cache-dir", cacheDir, file); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "results-*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs: %v", packs)
	}
	os.Remove(packs[0])
	if err := syscall.Mkfifo(packs[0], 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	out, errOut, code := runWithin(t, packs[0], "lint", "--config", cfg, "--cache-dir", cacheDir, file)
	if code != ExitOK || out != "1 file, 1 definition: 0 errors, 0 warnings\n" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	if want := "apigwlint: result cache disabled: " + packs[0] + " is a FIFO, not a regular file\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if st, err := os.Lstat(packs[0]); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced")
	}
}

// --config naming a FIFO: exit 2 with the reason, at once.
func TestConfigFlagFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "apigwlint.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	_, errOut, code := runWithin(t, fifo, "lint", "--config", fifo, "../../testdata/golden/faulty/services/user-service.yaml")
	if code != ExitUsage || !strings.Contains(errOut, "it is a FIFO, not a regular file") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
