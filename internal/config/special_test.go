//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs Load and fails the test if it does not return in time
// (a FIFO used to block it forever).
func loadWithin(t *testing.T, path string) (*Config, error) {
	t.Helper()
	type result struct {
		c   *Config
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := Load(path, "")
		done <- result{c, err}
	}()
	select {
	case r := <-done:
		return r.c, r.err
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close() // release the blocked Load
		}
		t.Fatalf("Load(%s) blocked", path)
		return nil, nil
	}
}

// A FIFO named .apigwlint.yaml, found by the lookup or named: an error
// saying what it is, at once.
func TestConfigFIFO(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileNames[0])
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	found, err := Find(dir)
	if err != nil || found != path {
		t.Fatalf("Find: %q %v", found, err)
	}
	_, err = loadWithin(t, found)
	if err == nil || err.Error() != "cannot read configuration "+path+": it is a FIFO, not a regular file" {
		t.Errorf("Load: %v", err)
	}
}

// A configuration that is a symlink out of the repository is not read, so
// nothing of the file it points to is quoted; one within the repository
// is followed.
func TestConfigSymlink(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "id_rsa")
	if err := os.WriteFile(secret, []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nsecretsecret: 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(repo, "services")
	os.MkdirAll(filepath.Join(repo, "shared"), 0o755)
	os.MkdirAll(sub, 0o755)
	if err := os.WriteFile(filepath.Join(repo, "shared", "apigwlint.yaml"), []byte("rules:\n  body-on-get: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	link := filepath.Join(sub, FileNames[0])
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	_, err := loadWithin(t, link)
	if err == nil || !strings.Contains(err.Error(), "symlink to a file outside the repository") || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "OPENSSH") {
		t.Errorf("a link out of the repository: %v", err)
	}
	// Relative, through "..", out of the repository.
	os.Remove(link)
	rel, _ := filepath.Rel(sub, secret)
	os.Symlink(rel, link)
	if _, err := loadWithin(t, link); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("a relative link out of the repository: %v", err)
	}

	// Within the repository: followed; the project root stays where the
	// link is.
	os.Remove(link)
	os.Symlink(filepath.Join("..", "shared", "apigwlint.yaml"), link)
	c, err := loadWithin(t, link)
	if err != nil {
		t.Fatalf("a link within the repository: %v", err)
	}
	if c.Dir != sub || c.Rules["body-on-get"] != 0 || len(c.Rules) != 1 {
		t.Errorf("loaded %+v", c)
	}
}
