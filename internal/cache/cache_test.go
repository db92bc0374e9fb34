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

// A pack that does not check out is never trusted: a damaged header makes
// it read as empty, a damaged entry is a miss, no Get ever returns other
// bytes than were stored, and the next save writes a clean pack.
func TestCorruptPackIsIgnored(t *testing.T) {
	payload := func(i int) []byte { return []byte(strings.Repeat(fmt.Sprint(i), i+1)) }
	good := func(t *testing.T) (string, []byte) {
		dir := t.TempDir()
		c := open(t, dir, "ns")
		for i := 0; i < 50; i++ {
			c.Put(key(fmt.Sprint(i)), payload(i))
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(packOf(t, dir))
		return dir, data
	}
	_, data := good(t)
	unsorted := append([]byte(nil), data...)
	e0 := append([]byte(nil), unsorted[headSize:headSize+entrySize]...)
	copy(unsorted[headSize:], unsorted[headSize+entrySize:headSize+2*entrySize])
	copy(unsorted[headSize+entrySize:], e0)
	corruptions := map[string][]byte{
		"empty":          {},
		"truncated":      data[:len(data)/2],
		"header only":    data[:headSize],
		"garbage":        bytes.Repeat([]byte{0xff}, len(data)),
		"flipped magic":  flip(data, 3),
		"flipped count":  flip(data, 50),
		"flipped index":  flip(data, headSize+5*entrySize+40),
		"flipped key":    flip(data, headSize+7*entrySize+3),
		"flipped body":   flip(data, len(data)-10),
		"unsorted index": unsorted,
		"extra bytes":    append(append([]byte(nil), data...), 0, 1, 2),
	}
	for name, bad := range corruptions {
		t.Run(name, func(t *testing.T) {
			dir, _ := good(t)
			if err := os.WriteFile(packOf(t, dir), bad, 0o644); err != nil {
				t.Fatal(err)
			}
			for round := 0; round < 2; round++ {
				c := open(t, dir, "ns")
				for i := 0; i < 50; i++ {
					if d, ok := c.Get(key(fmt.Sprint(i))); ok && !bytes.Equal(d, payload(i)) {
						t.Fatalf("round %d: entry %d read back as %q", round, i, d)
					}
				}
				c.Put(key("new"), []byte("new"))
				if err := c.Save(); err != nil {
					t.Fatal(err)
				}
			}
			c := open(t, dir, "ns")
			if c.dropped {
				t.Fatal("the damaged pack was not replaced by a good one")
			}
			for i := 0; i < c.count(); i++ {
				if c.entry(i) == nil {
					t.Fatalf("entry %d of the rewritten pack does not check out", i)
				}
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

// Lookups search the index on disk first and in memory after: both find
// every entry.
func TestManyLookups(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "ns")
	for i := 0; i < 500; i++ {
		c.Put(key(fmt.Sprint(i)), []byte(fmt.Sprint("v", i)))
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir, "ns")
	for i := 0; i < 500; i++ {
		if d, ok := c.Get(key(fmt.Sprint(i))); !ok || string(d) != fmt.Sprint("v", i) {
			t.Fatalf("entry %d: %q %v (index in memory: %v)", i, d, ok, c.index.Load() != nil)
		}
		if _, ok := c.Get(key(fmt.Sprint("absent", i))); ok {
			t.Fatalf("absent key %d found", i)
		}
	}
	if c.index.Load() == nil {
		t.Fatal("the index was never read whole")
	}
}

// Once a run has made many lookups the pack is mapped into memory; the
// payloads it returns are copies that outlive Save and Close, a pack
// rewritten by Save (from the mapping) holds every entry, and a damaged
// payload is still a miss when read through the mapping.
func TestMappedPack(t *testing.T) {
	dir := t.TempDir()
	c := open(t, dir, "ns")
	for i := 0; i < 300; i++ {
		c.Put(key(fmt.Sprint(i)), []byte(fmt.Sprint("value-", i)))
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	c = open(t, dir, "ns")
	var kept [][]byte
	for i := 0; i < 300; i++ {
		d, ok := c.Get(key(fmt.Sprint(i)))
		if !ok || string(d) != fmt.Sprint("value-", i) {
			t.Fatalf("entry %d: %q %v", i, d, ok)
		}
		kept = append(kept, d)
	}
	if runtime.GOOS != "windows" && c.mapped == nil {
		t.Fatal("the pack was not mapped after 300 lookups")
	}
	c.Put(key("new"), []byte("new value"))
	if err := c.Save(); err != nil { // rewrites the pack from the mapping, then unmaps it
		t.Fatal(err)
	}
	c.Close()
	for i, d := range kept {
		if string(d) != fmt.Sprint("value-", i) {
			t.Fatalf("payload %d changed after Close: %q", i, d)
		}
	}
	if _, ok := c.Get(key("0")); ok {
		t.Fatal("an old entry found after Close (the pack is closed)")
	}
	if d, ok := c.Get(key("new")); !ok || string(d) != "new value" {
		t.Fatalf("an added entry after Close: %q %v", d, ok)
	}
	c = open(t, dir, "ns")
	for i := 0; i < 300; i++ {
		if d, ok := c.Get(key(fmt.Sprint(i))); !ok || string(d) != fmt.Sprint("value-", i) {
			t.Fatalf("rewritten pack, entry %d: %q %v", i, d, ok)
		}
	}
	c.Close()
	// Damage one payload byte: through the mapping it is a miss.
	pack := packOf(t, dir)
	b, err := os.ReadFile(pack)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-3] ^= 0xff
	if err := os.WriteFile(pack, b, 0o644); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir, "ns")
	defer c.Close()
	misses := 0
	keys := []string{"new"}
	for i := 0; i < 300; i++ {
		keys = append(keys, fmt.Sprint(i))
	}
	for _, k := range keys {
		if _, ok := c.Get(key(k)); !ok {
			misses++
		}
	}
	if misses != 1 || c.mapped == nil && runtime.GOOS != "windows" {
		t.Fatalf("%d misses after damaging one payload (want exactly one); mapped: %v", misses, c.mapped != nil)
	}
}

// BenchmarkGetMapped: one lookup in a mapped pack of 10,000 entries (each
// guarded against a fault of the mapping).
func BenchmarkGetMapped(b *testing.B) {
	dir := b.TempDir()
	c, _ := Open(dir, []byte("ns"))
	for i := 0; i < 10000; i++ {
		c.Put(key(fmt.Sprint(i)), []byte(fmt.Sprint("value-", i)))
	}
	c.Save()
	c.Close()
	c, _ = Open(dir, []byte("ns"))
	defer c.Close()
	keys := make([]Key, 10000)
	for i := range keys {
		keys[i] = key(fmt.Sprint(i))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := c.Get(keys[i%len(keys)]); !ok {
			b.Fatal("miss")
		}
	}
}
