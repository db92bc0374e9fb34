// Package cache keeps apigwlint's per-file results between runs, so that a
// second run over unchanged files does not parse or validate them again.
//
// A cache is one pack file per namespace (a tool build and schema version)
// in a directory: a header, records of (key, payload), and a SHA-256 of
// everything before it. A run loads the pack once, looks keys up in memory
// and, if it computed anything new, writes a new pack next to the old one
// and renames it into place. So:
//
//   - a reader never sees a half-written pack (rename is atomic), and two
//     runs at once each write a whole pack; the last rename wins and the
//     other run's additions are simply computed again next time;
//   - a pack that does not check out (truncated, flipped bits, another
//     format) is ignored as if empty, and replaced at the end of the run;
//   - one file is read per run instead of one per checked file, which is
//     what lets a warm run cost less than reading the checked files twice.
//
// Keys are chosen by the caller (internal/lint hashes the file content with
// everything the result depends on); payloads are opaque bytes.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// Key identifies one cached payload.
type Key [32]byte

// format is the pack layout version; a pack of another version is ignored.
const format = 1

var magic = [8]byte{'A', 'P', 'G', 'W', 'L', 'P', 'K', '\n'}

// Limits keep a pack from growing without bound: entries not used by the
// run that writes the pack are dropped first.
const (
	maxEntries = 1 << 20
	maxBytes   = 256 << 20
	// Packs of other namespaces (older builds) unused for this long are
	// removed when a pack is written.
	staleAfter = 30 * 24 * time.Hour
)

// Cache is one namespace's pack, loaded. It is safe for concurrent use.
type Cache struct {
	dir, name string
	ns        [32]byte

	mu      sync.Mutex
	old     map[Key]*record
	order   []Key // old records in pack order
	added   map[Key][]byte
	dropped bool // the pack on disk was unreadable and must be replaced
}

type record struct {
	data []byte
	used bool
}

// DefaultDir is where the cache lives unless told otherwise:
// $APIGWLINT_CACHE_DIR, else the user's cache directory + "/apigwlint".
func DefaultDir() (string, error) {
	if d := os.Getenv("APIGWLINT_CACHE_DIR"); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "apigwlint"), nil
}

// Open loads the pack of namespace ns (any bytes that identify what the
// payloads depend on) from dir, creating dir if needed. A missing or
// corrupt pack gives an empty cache, not an error; an error means the
// directory cannot be used at all.
func Open(dir string, ns []byte) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	c := &Cache{dir: dir, ns: sha256.Sum256(ns), old: map[Key]*record{}, added: map[Key][]byte{}}
	c.name = fmt.Sprintf("results-v%d-%s.pack", format, hex.EncodeToString(c.ns[:8]))
	data, err := readPack(filepath.Join(dir, c.name))
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		c.dropped = true
	default:
		if !c.parse(data) {
			c.old, c.order = map[Key]*record{}, nil
			c.dropped = true
		}
	}
	return c, nil
}

// readPack reads a pack file, refusing one larger than any pack Save
// writes (a file that size is not ours to trust, nor worth the memory).
func readPack(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxBytes+maxEntries*64 {
		return nil, errors.New("not a pack")
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, err
	}
	return data, nil
}

// parse reads a pack; false when anything about it is wrong.
func (c *Cache) parse(data []byte) bool {
	const head = 8 + 4 + 32 + 8
	if len(data) < head+sha256.Size {
		return false
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return false
	}
	if !bytes.Equal(body[:8], magic[:]) || binary.LittleEndian.Uint32(body[8:]) != format || !bytes.Equal(body[12:44], c.ns[:]) {
		return false
	}
	n := binary.LittleEndian.Uint64(body[44:])
	rest := body[head:]
	if n > uint64(len(rest))/33 {
		return false
	}
	c.order = make([]Key, 0, n)
	for i := uint64(0); i < n; i++ {
		if len(rest) < 32 {
			return false
		}
		var k Key
		copy(k[:], rest)
		rest = rest[32:]
		size, w := binary.Uvarint(rest)
		if w <= 0 || size > uint64(len(rest)-w) {
			return false
		}
		rest = rest[w:]
		if _, dup := c.old[k]; !dup {
			c.order = append(c.order, k)
		}
		c.old[k] = &record{data: rest[:size:size]}
		rest = rest[size:]
	}
	return len(rest) == 0
}

// Get returns the payload stored under k. The bytes must not be modified.
func (c *Cache) Get(k Key) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.old[k]; ok {
		r.used = true
		return r.data, true
	}
	if d, ok := c.added[k]; ok {
		return d, true
	}
	return nil, false
}

// Put stores a payload under k for the next run (see Save).
func (c *Cache) Put(k Key, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.old[k]; ok && bytes.Equal(r.data, data) {
		r.used = true
		return
	}
	delete(c.old, k) // replaced: a payload that did not decode
	c.added[k] = data
}

// Len is the number of payloads the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.old) + len(c.added)
}

// Save writes the pack if this run added anything (or the pack on disk
// was unreadable), through a temporary file and a rename.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.added) == 0 && !c.dropped {
		return nil
	}
	var keys []Key
	size := 0
	keep := func(k Key, d []byte) bool {
		if len(keys) >= maxEntries || size+len(d) > maxBytes {
			return false
		}
		keys = append(keys, k)
		size += len(d) + 40
		return true
	}
	newKeys := make([]Key, 0, len(c.added))
	for k := range c.added {
		newKeys = append(newKeys, k)
	}
	sort.Slice(newKeys, func(i, j int) bool { return bytes.Compare(newKeys[i][:], newKeys[j][:]) < 0 })
	// What this run used or computed first, then older entries as room
	// allows (other branches, files not named in a partial run).
	for _, k := range c.order {
		if r, ok := c.old[k]; ok && r.used {
			keep(k, r.data)
		}
	}
	for _, k := range newKeys {
		keep(k, c.added[k])
	}
	for _, k := range c.order {
		if r, ok := c.old[k]; ok && !r.used {
			keep(k, r.data)
		}
	}
	var buf bytes.Buffer
	buf.Grow(size + 128)
	buf.Write(magic[:])
	buf.Write(binary.LittleEndian.AppendUint32(nil, format))
	buf.Write(c.ns[:])
	buf.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(keys))))
	for _, k := range keys {
		d, ok := c.added[k]
		if !ok {
			d = c.old[k].data
		}
		buf.Write(k[:])
		buf.Write(binary.AppendUvarint(nil, uint64(len(d))))
		buf.Write(d)
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	tmp, err := os.CreateTemp(c.dir, ".tmp-"+c.name+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(c.dir, c.name)); err != nil {
		return err
	}
	c.dropped = false
	c.removeStale()
	return nil
}

// removeStale deletes packs of other namespaces (other builds of
// apigwlint) and temporary files left by killed runs, once they are old.
func (c *Cache) removeStale() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		ours := strings.HasPrefix(name, "results-") && strings.HasSuffix(name, ".pack") || strings.HasPrefix(name, ".tmp-results-")
		if !ours || name == c.name {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(c.dir, name))
		}
	}
}
