package tempfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRemoveAllRemovesOnlyTracked(t *testing.T) {
	dir := t.TempDir()
	a, doneA, err := Create(dir, "a-*")
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	b, doneB, err := Create(dir, "b-*")
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	kept := filepath.Join(dir, "renamed-into-place")
	if err := os.Rename(b.Name(), kept); err != nil {
		t.Fatal(err)
	}
	doneB() // renamed: no longer ours to remove
	doneB() // idempotent
	if n := RemoveAll(); n != 1 {
		t.Errorf("RemoveAll removed %d files, want 1", n)
	}
	if _, err := os.Stat(a.Name()); !os.IsNotExist(err) {
		t.Errorf("the tracked file is still there: %v", err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("the renamed file was removed: %v", err)
	}
	doneA()
}
