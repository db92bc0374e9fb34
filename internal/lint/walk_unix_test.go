//go:build unix

package lint_test

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/lint"
)

// Walk safety: links, special files and unreadable paths. A walk follows
// no symbolic link (a link can loop or lead out of the project; a link to a
// file inside the project would check that file twice), never opens a
// FIFO or device, and reports what it cannot read by its path while
// checking everything else.

// project makes a directory holding the companion and returns it.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "companion.yaml"), []byte(companion), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, dir string, paths ...string) *lint.Result {
	t.Helper()
	var res *lint.Result
	done := make(chan struct{})
	go func() {
		defer close(done)
		var err error
		res, err = lint.Run(lint.Options{Paths: paths, Dir: dir})
		if err != nil {
			t.Error(err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the run hangs")
	}
	if res == nil {
		t.FailNow()
	}
	return res
}

func expectError(t *testing.T, res *lint.Result, want string) {
	t.Helper()
	for _, e := range res.Errors {
		if strings.Contains(e, want) {
			return
		}
	}
	t.Errorf("no error containing %q; got:\n%s", want, dump(res))
}

func TestWalkSymlinkLoops(t *testing.T) {
	dir := project(t)
	for link, target := range map[string]string{
		"loop":      ".",      // a directory that contains itself
		"up":        "..",     // and its parent
		"a.yaml":    "b.yaml", // files that point at each other
		"b.yaml":    "a.yaml",
		"self.yaml": "self.yaml",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	res := run(t, dir, ".")
	if len(res.Errors) != 0 || res.Summary.Files != 1 {
		t.Errorf("a walk followed a link: files=%d\n%s", res.Summary.Files, dump(res))
	}
	expectDiag(t, res, "companion.yaml", 6, 5, "unknown-field", "namepsace")
	// Named on the command line, a looping link is an error naming it;
	// the other file named is still checked.
	res = run(t, dir, "a.yaml", "companion.yaml")
	expectError(t, res, "cannot read a.yaml: too many levels of symbolic links")
	expectDiag(t, res, "companion.yaml", 6, 5, "unknown-field", "namepsace")
}

func TestWalkSymlinksOutOfTheRoot(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("Action: CreateService\nleaked: 1\n"), 0o644)
	dir := project(t)
	os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "link.yaml"))
	os.Symlink(outside, filepath.Join(dir, "linked-dir"))
	os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.yaml"))
	res := run(t, dir, ".")
	if res.Summary.Files != 1 || len(res.Errors) != 0 {
		t.Errorf("a walk followed a link out of the root:\n%s", dump(res))
	}
	for _, d := range res.Diags {
		if d.File != "companion.yaml" {
			t.Errorf("reported a file reached through a link: %s", d.File)
		}
	}
	// A link named explicitly is the user's choice: it is followed, to a
	// file or to a directory (shown under the name given).
	res = run(t, dir, "link.yaml")
	expectDiag(t, res, "link.yaml", 2, 1, "unknown-field", `"leaked"`)
	res = run(t, dir, "linked-dir")
	expectDiag(t, res, "linked-dir/secret.yaml", 2, 1, "unknown-field", `"leaked"`)
}

func TestWalkFIFOsAndDevices(t *testing.T) {
	dir := project(t)
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	// Walked: skipped, never opened (opening a FIFO without a writer
	// blocks; run() fails the test on a hang).
	res := run(t, dir, ".")
	if len(res.Errors) != 0 || res.Summary.Files != 1 {
		t.Errorf("the FIFO was not skipped:\n%s", dump(res))
	}
	expectDiag(t, res, "companion.yaml", 6, 5, "unknown-field", "namepsace")
	// Named: an error naming it, and no hang; /dev/zero would never end.
	res = run(t, dir, "pipe.yaml", "/dev/zero", "/dev/null", "companion.yaml")
	expectError(t, res, "cannot read pipe.yaml: not a regular file")
	expectError(t, res, "cannot read /dev/zero: not a regular file")
	expectError(t, res, "cannot read /dev/null: not a regular file")
	expectDiag(t, res, "companion.yaml", 6, 5, "unknown-field", "namepsace")
}

// unreadableTree makes, in dir, a file and a directory nobody may read.
func unreadableTree(t *testing.T, dir string) {
	t.Helper()
	os.WriteFile(filepath.Join(dir, "companion.yaml"), []byte(companion), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.yaml"), []byte(companion), 0o000)
	os.MkdirAll(filepath.Join(dir, "locked"), 0o755)
	os.WriteFile(filepath.Join(dir, "locked", "inner.yaml"), []byte(companion), 0o644)
	os.Chmod(filepath.Join(dir, "locked"), 0o000)
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
}

func checkUnreadable(t *testing.T, res *lint.Result) {
	t.Helper()
	expectError(t, res, "cannot read secret.yaml: permission denied")
	expectError(t, res, "cannot read locked: permission denied")
	expectDiag(t, res, "companion.yaml", 6, 5, "unknown-field", "namepsace")
	if res.Summary.Files != 1 {
		t.Errorf("files=%d\n%s", res.Summary.Files, dump(res))
	}
}

// Unreadable files and directories are errors naming them (exit status 2
// in the CLI), and the rest is checked. Root reads everything, so as root
// the check runs in a copy of this test binary started as user nobody.
func TestWalkUnreadable(t *testing.T) {
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		unreadableTree(t, dir)
		checkUnreadable(t, run(t, dir, "."))
		return
	}
	base, err := os.MkdirTemp("", "apigwlint-unreadable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(base, "data", "locked"), 0o755); os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	exe := filepath.Join(base, "lint.test")
	if err := copyFile(os.Args[0], exe); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(base, "data")
	os.Mkdir(data, 0o755)
	unreadableTree(t, data)
	cmd := exec.Command(exe, "-test.run=^TestWalkUnreadableChild$")
	cmd.Env = append(os.Environ(), "APIGWLINT_UNREADABLE_DIR="+data)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("cannot run the check as user nobody (%v); unreadable paths are not tested here", err)
	}
	var res lint.Result
	if err := json.Unmarshal(out[:strings.LastIndexByte(string(out), '}')+1], &res); err != nil {
		t.Fatalf("child output: %v\n%s", err, out)
	}
	checkUnreadable(t, &res)
}

// TestWalkUnreadableChild is the half of TestWalkUnreadable that runs as
// another user; on its own it does nothing.
func TestWalkUnreadableChild(t *testing.T) {
	dir := os.Getenv("APIGWLINT_UNREADABLE_DIR")
	if dir == "" {
		return
	}
	res, err := lint.Run(lint.Options{Paths: []string{"."}, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	res.Files = nil
	json.NewEncoder(os.Stdout).Encode(res)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
