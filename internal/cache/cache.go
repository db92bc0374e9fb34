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
//     what lets a warm run cost less than reading the checked files twice,
//     and it is searched in place (a sorted index), so that a run naming
//     one file does not pay for the other hundred thousand entries.
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
	"sync/atomic"
	"time"
)

// Key identifies one cached payload.
type Key [32]byte

// format is the pack layout version; a pack of another version is ignored.
//
//	magic "APGWLPK\n" | format u32 | namespace [32] | count u64
//	index: count × (key [32], offset u64, length u32), sorted by key
//	payloads
//	SHA-256 of everything above
//
// A run looks keys up by binary search in the index, in the bytes as read:
// loading a pack of 100,000 entries allocates nothing per entry.
const format = 2

var magic = [8]byte{'A', 'P', 'G', 'W', 'L', 'P', 'K', '\n'}

const (
	headSize  = 8 + 4 + 32 + 8
	entrySize = 32 + 8 + 4
)

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

	index    []byte          // the pack's index (immutable)
	payloads []byte          // the pack's payload area (immutable)
	used     []atomic.Uint64 // bit i: index entry i was read this run

	mu      sync.Mutex
	added   map[Key][]byte
	dropped bool // the pack on disk was unreadable and must be replaced
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
	c := &Cache{dir: dir, ns: sha256.Sum256(ns), added: map[Key][]byte{}}
	c.name = fmt.Sprintf("results-v%d-%s.pack", format, hex.EncodeToString(c.ns[:8]))
	data, err := readPack(filepath.Join(dir, c.name))
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		c.dropped = true
	default:
		if !c.parse(data) {
			c.index, c.payloads = nil, nil
			c.dropped = true
		}
	}
	c.used = make([]atomic.Uint64, (c.count()+63)/64)
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
	if !st.Mode().IsRegular() || st.Size() > maxBytes+maxEntries*(entrySize+8)+headSize+sha256.Size {
		return nil, errors.New("not a pack")
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, err
	}
	return data, nil
}

// parse checks a pack and points the index and payloads into it; false
// when anything about it is wrong.
func (c *Cache) parse(data []byte) bool {
	if len(data) < headSize+sha256.Size {
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
	if n > maxEntries || uint64(len(body)-headSize) < n*entrySize {
		return false
	}
	c.index = body[headSize : headSize+int(n)*entrySize]
	c.payloads = body[headSize+int(n)*entrySize:]
	var prev []byte
	for i := 0; i < int(n); i++ {
		e := c.index[i*entrySize:]
		off, size := binary.LittleEndian.Uint64(e[32:]), uint64(binary.LittleEndian.Uint32(e[40:]))
		if off > uint64(len(c.payloads)) || size > uint64(len(c.payloads))-off {
			return false
		}
		if prev != nil && bytes.Compare(prev, e[:32]) >= 0 {
			return false // not sorted: binary search would miss
		}
		prev = e[:32]
	}
	return true
}

func (c *Cache) count() int { return len(c.index) / entrySize }

// lookup finds k in the pack's index.
func (c *Cache) lookup(k Key) (int, bool) {
	n := c.count()
	i := sort.Search(n, func(i int) bool { return bytes.Compare(c.index[i*entrySize:i*entrySize+32], k[:]) >= 0 })
	return i, i < n && bytes.Equal(c.index[i*entrySize:i*entrySize+32], k[:])
}

func (c *Cache) entry(i int) []byte {
	e := c.index[i*entrySize:]
	off, size := binary.LittleEndian.Uint64(e[32:]), binary.LittleEndian.Uint32(e[40:])
	return c.payloads[off : off+uint64(size) : off+uint64(size)]
}

// Get returns the payload stored under k. The bytes must not be modified.
func (c *Cache) Get(k Key) ([]byte, bool) {
	if i, ok := c.lookup(k); ok {
		c.used[i/64].Or(1 << (i % 64))
		return c.entry(i), true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.added[k]
	return d, ok
}

// Put stores a payload under k for the next run (see Save).
func (c *Cache) Put(k Key, data []byte) {
	if i, ok := c.lookup(k); ok && bytes.Equal(c.entry(i), data) {
		c.used[i/64].Or(1 << (i % 64))
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.added[k] = data // new, or replacing a payload that did not decode
}

// Len is the number of payloads the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.count() + len(c.added)
}

// Save writes the pack if this run added anything (or the pack on disk
// was unreadable), through a temporary file and a rename.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.added) == 0 && !c.dropped {
		return nil
	}
	type rec struct {
		k Key
		d []byte
	}
	var keep []rec
	size := 0
	add := func(k Key, d []byte) {
		if len(keep) < maxEntries && size+len(d) <= maxBytes {
			keep = append(keep, rec{k, d})
			size += len(d)
		}
	}
	// What this run computed or used first, then older entries as room
	// allows (other branches, files not named in a partial run).
	for k, d := range c.added {
		add(k, d)
	}
	old := func(used bool) {
		for i := 0; i < c.count(); i++ {
			var k Key
			copy(k[:], c.index[i*entrySize:])
			if _, replaced := c.added[k]; replaced || (c.used[i/64].Load()&(1<<(i%64)) != 0) != used {
				continue
			}
			add(k, c.entry(i))
		}
	}
	old(true)
	old(false)
	sort.Slice(keep, func(i, j int) bool { return bytes.Compare(keep[i].k[:], keep[j].k[:]) < 0 })

	buf := make([]byte, 0, headSize+len(keep)*entrySize+size+sha256.Size)
	buf = append(buf, magic[:]...)
	buf = binary.LittleEndian.AppendUint32(buf, format)
	buf = append(buf, c.ns[:]...)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(keep)))
	off := uint64(0)
	for _, r := range keep {
		buf = append(buf, r.k[:]...)
		buf = binary.LittleEndian.AppendUint64(buf, off)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(r.d)))
		off += uint64(len(r.d))
	}
	for _, r := range keep {
		buf = append(buf, r.d...)
	}
	sum := sha256.Sum256(buf)
	buf = append(buf, sum[:]...)

	tmp, err := os.CreateTemp(c.dir, ".tmp-"+c.name+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(buf); err != nil {
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
