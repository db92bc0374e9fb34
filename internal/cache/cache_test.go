package cache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

func key(s string) Key { return Key(sha256.Sum256([]byte(s))) }

func open(t *testing.T, dir, ns string) *Cache {
	t.Helper()
	c, err := Open(dir, []byte(ns))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func packOf(t *testing.T, dir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "results-*.pack"))
	if len(m) != 1 {
		t.Fatalf("packs in %s: %v", dir, m)
	}
	return m[0]
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "ns")
	if _, ok := c.Get(key("a")); ok {
		t.Fatal("hit in an empty cache")
	}
	c.Put(key("a"), []byte("payload a"))
	c.Put(key("b"), nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir, "ns")
	if d, ok := c.Get(key("a")); !ok || string(d) != "payload a" {
		t.Fatalf("a: %q %v", d, ok)
	}
	if d, ok := c.Get(key("b")); !ok || len(d) != 0 {
		t.Fatalf("b: %q %v", d, ok)
	}
	if c.Len() != 2 {
		t.Fatalf("len %d", c.Len())
	}
	// Another namespace (another build) sees nothing.
	if _, ok := open(t, dir, "other").Get(key("a")); ok {
		t.Fatal("hit across namespaces")
	}
	// Nothing new: no write (the pack keeps its time).
	before, _ := os.Stat(packOf(t, dir))
	c.Get(key("a"))
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(packOf(t, dir))
	if !before.ModTime().Equal(after.ModTime()) || !os.SameFile(before, after) {
		t.Fatal("a run that added nothing rewrote the pack")
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(tmp) != 0 {
		t.Fatalf("temporary files left: %v", tmp)
	}
}

// A pack that does not check out is never trusted: it reads as empty and
// the next save replaces it with a good one.
func TestCorruptPackIsIgnored(t *testing.T) {
	good := func(t *testing.T) (string, []byte) {
		dir := t.TempDir()
		c := open(t, dir, "ns")
		for i := 0; i < 50; i++ {
			c.Put(key(fmt.Sprint(i)), []byte(strings.Repeat("x", i)))
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(packOf(t, dir))
		return dir, data
	}
	_, data := good(t)
	unsorted := append([]byte(nil), data...)
	// Swap the first two index entries and fix the checksum: well formed,
	// but not sorted.
	e0 := append([]byte(nil), unsorted[headSize:headSize+entrySize]...)
	copy(unsorted[headSize:], unsorted[headSize+entrySize:headSize+2*entrySize])
	copy(unsorted[headSize+entrySize:], e0)
	sum := sha256.Sum256(unsorted[:len(unsorted)-32])
	copy(unsorted[len(unsorted)-32:], sum[:])
	corruptions := map[string][]byte{
		"unsorted":     unsorted,
		"empty":        {},
		"truncated":    data[:len(data)/2],
		"no checksum":  data[:len(data)-32],
		"garbage":      bytes.Repeat([]byte{0xff}, len(data)),
		"flipped body": flip(data, len(data)/2),
		"flipped head": flip(data, 3),
		"flipped sum":  flip(data, len(data)-1),
		"extra bytes":  append(append([]byte(nil), data...), 0),
	}
	for name, bad := range corruptions {
		t.Run(name, func(t *testing.T) {
			dir, _ := good(t)
			path := packOf(t, dir)
			if err := os.WriteFile(path, bad, 0o644); err != nil {
				t.Fatal(err)
			}
			c := open(t, dir, "ns")
			if c.Len() != 0 {
				t.Fatalf("%d entries read from a corrupt pack", c.Len())
			}
			if _, ok := c.Get(key("7")); ok {
				t.Fatal("hit in a corrupt pack")
			}
			if err := c.Save(); err != nil {
				t.Fatal(err)
			}
			if c := open(t, dir, "ns"); c.dropped {
				t.Fatal("the corrupt pack was not replaced by a good one")
			}
		})
	}
}

func flip(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= 0x40
	return out
}

// Runs at once never leave a pack that does not read back whole.
func TestConcurrentSaves(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 10; round++ {
				c, err := Open(dir, []byte("ns"))
				if err != nil {
					t.Error(err)
					return
				}
				if c.dropped {
					t.Error("a reader saw a broken pack")
				}
				for i := 0; i < 20; i++ {
					c.Put(key(fmt.Sprint(w, round, i)), bytes.Repeat([]byte{byte(i)}, 100*i))
				}
				if err := c.Save(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	c := open(t, dir, "ns")
	if c.dropped || c.Len() < 20 {
		t.Fatalf("final pack: dropped=%v, %d entries", c.dropped, c.Len())
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(tmp) != 0 {
		t.Fatalf("temporary files left: %v", tmp)
	}
}

func TestUnusableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := Open(filepath.Join(file, "sub"), []byte("ns")); err == nil {
		t.Fatal("a cache under a regular file opened")
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("APIGWLINT_CACHE_DIR", "/some/where")
	if d, _ := DefaultDir(); d != "/some/where" {
		t.Fatalf("APIGWLINT_CACHE_DIR ignored: %s", d)
	}
	if runtime.GOOS != "linux" {
		return
	}
	t.Setenv("APIGWLINT_CACHE_DIR", "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	if d, _ := DefaultDir(); d != filepath.Join("/xdg", "apigwlint") {
		t.Fatalf("default dir %s", d)
	}
}
