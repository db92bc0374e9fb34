package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// --output onto what is not a regular file writes it in place, never
// renames a file over it.

// reportOf is the JSON report of the faulty project on standard output.
func reportOf(t *testing.T) string {
	t.Helper()
	code, want, stderr := runMain(t, "lint", "--format", "json", faultyProject)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	return want
}

// A symlink is written through: the link stays a link, its target gets
// the report.
func TestOutputSymlinkWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real-report.json")
	if err := os.WriteFile(target, []byte("stale"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "report.json")
	if err := os.Symlink("real-report.json", link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain(t, "lint", "--format", "json", "--output", link, faultyProject); code != ExitFindings || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	got, _ := os.ReadFile(target)
	if string(got) != reportOf(t) {
		t.Errorf("the target holds %.200q, want the report", got)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode changed to %v", st.Mode().Perm())
	}
	// A dangling link is refused (nothing is created through it).
	os.Remove(target)
	code, _, stderr := runMain(t, "lint", "--format", "json", "--output", link, faultyProject)
	if code != ExitUsage || !strings.Contains(stderr, "cannot write "+link+": it is a symlink to a file that does not exist") {
		t.Errorf("dangling link: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(target); err == nil {
		t.Errorf("the dangling link's target was created")
	}
}

// A FIFO is written to as a stream, to the program reading it.
func TestOutputFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	read := make(chan string, 1)
	go func() {
		data, _ := os.ReadFile(fifo) // blocks until a writer opens it
		read <- string(data)
	}()
	done := make(chan string, 1)
	go func() {
		code, _, stderr := runMain(t, "lint", "--format", "json", "--output", fifo, faultyProject)
		if code != ExitFindings {
			stderr += " (exit status not 1)"
		}
		done <- stderr
	}()
	var got string
	select {
	case got = <-read:
	case <-time.After(20 * time.Second):
		// Release the reader so that the test ends.
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("nothing was written to the FIFO")
	}
	if stderr := <-done; stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	if got != reportOf(t) {
		t.Errorf("the FIFO carried %.200q, want the report", got)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d entries, want only the FIFO", len(entries))
	}
}

// A device (here a null device made in a temporary directory, as root) is
// written to and stays a device.
func TestOutputDevice(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a device needs root")
	}
	dir := t.TempDir()
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil { // 1:3 is /dev/null
		t.Skipf("cannot make a device here: %v", err)
	}
	if code, _, stderr := runMain(t, "lint", "--format", "json", "--output", dev, faultyProject); code != ExitFindings || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, err := os.Lstat(dev); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v %v", st.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d entries, want only the device", len(entries))
	}
}

// Errors name the path given, never the temporary file.
func TestOutputErrorNamesThePathGiven(t *testing.T) {
	dir := t.TempDir()
	for name, path := range map[string]string{
		"missing directory": filepath.Join(dir, "no", "such", "dir", "report.json"),
		"a directory":       dir,
	} {
		code, _, stderr := runMain(t, "--format", "json", "--output", path, faultyProject)
		if code != ExitUsage || !strings.HasPrefix(stderr, "apigwlint: cannot write "+path+": ") || strings.Contains(stderr, ".tmp-") || strings.Count(stderr, path) != 1 {
			t.Errorf("%s: exit %d, stderr %q", name, code, stderr)
		}
	}
}
