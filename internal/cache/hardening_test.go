//go:build unix

package cache

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apigwlint/apigwlint/internal/safeopen"
)

// A pack truncated by another program while this run has it mapped: the
// reads that fault (SIGBUS) are misses, not a crash, and the run's own
// entries are still saved.
func TestPackTruncatedWhileMapped(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "ns")
	value := func(i int) string { return fmt.Sprint(i, strings.Repeat("v", 4000)) }
	for i := 0; i < 64; i++ { // about 64 pages
		c.Put(key(fmt.Sprint(i)), []byte(value(i)))
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	c = open(t, dir, "ns")
	defer c.Close()
	if c.mapped == nil {
		t.Skip("the pack is not mapped here")
	}
	if d, ok := c.Get(key("0")); !ok || string(d) != value(0) {
		t.Fatalf("before truncation: %.20q %v", d, ok)
	}
	if err := os.Truncate(packOf(t, dir), 0); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 64; i++ {
		if d, ok := c.Get(key(fmt.Sprint(i))); ok && string(d) != value(i) {
			t.Fatalf("entry %d: wrong payload %.20q", i, d)
		}
	}
	if !c.faulted.Load() {
		t.Fatal("no fault was seen: the test did not truncate under the mapping")
	}
	if _, ok := c.Get(key("63")); ok {
		t.Error("a hit after the pack faulted")
	}
	c.Put(key("new"), []byte("new value"))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c2 := open(t, dir, "ns")
	defer c2.Close()
	if d, ok := c2.Get(key("new")); !ok || string(d) != "new value" {
		t.Errorf("the next pack lost this run's entry: %q %v", d, ok)
	}
}

// A FIFO (or anything not a regular file) where the pack should be: Open
// says so at once (it used to wait forever for a writer), and the FIFO is
// left as it is.
func TestPackIsFIFO(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "ns")
	pack := filepath.Join(dir, c.name)
	c.Close()
	if err := syscall.Mkfifo(pack, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		c, err := Open(dir, []byte("ns"))
		if c != nil {
			c.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		var nr *safeopen.NotRegularError
		if !errors.As(err, &nr) {
			t.Errorf("Open: %v, want a not-a-regular-file error", err)
		}
	case <-time.After(10 * time.Second):
		if w, err := os.OpenFile(pack, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close() // release the blocked Open
		}
		t.Fatal("Open blocked on a FIFO")
	}
	if st, err := os.Lstat(pack); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
}

// Temporary packs left by killed runs are removed by the next Open once
// they are a few minutes old, unless a run still holds their lock; other
// files are left alone.
func TestStaleTempPacksRemoved(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleTempAfter)
	mk := func(name string, age time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, age, age); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := mk(".tmp-results-v3-0011223344556677.pack-111", old)
	fresh := mk(".tmp-results-v3-0011223344556677.pack-222", time.Now())
	locked := mk(".tmp-results-v3-0011223344556677.pack-333", old)
	other := mk("notes.txt", old)
	f, err := os.Open(locked)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lock(f) // as a run still writing it would
	fifo := filepath.Join(dir, ".tmp-results-fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(fifo, old, old)

	open(t, dir, "ns").Close()

	for p, want := range map[string]bool{stale: false, fresh: true, locked: true, other: true, fifo: true} {
		if _, err := os.Lstat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
