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
//   - a pack whose header does not check out (truncated, another format)
//     is ignored as if empty, a payload whose CRC does not match is a miss,
//     and either way the pack is replaced at the end of the run;
//   - the pack is mapped into memory; if another program truncates it
//     while it is mapped, the read that faults is recovered from
//     (debug.SetPanicOnFault) and the run goes on without the cache;
//   - a temporary pack is locked while it is written and removed if the
//     run is stopped by a signal (internal/tempfile); one left by a
//     killed run is removed by the next run once it is a few minutes old
//     and no longer locked;
//   - one file is opened per run instead of one per checked file, which is
//     what lets a warm run cost less than reading the checked files twice,
//     and only its index is read up front (payloads on demand), so that a
//     run naming one file does not pay for the other hundred thousand.
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
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apigwlint/apigwlint/internal/safeopen"
	"github.com/apigwlint/apigwlint/internal/tempfile"
)

// Key identifies one cached payload.
type Key [32]byte

// format is the pack layout version; a pack of another version is ignored.
//
//	magic "APGWLPK\n" | format u32 | namespace [32] | count u64
//	index: count × (key [32], offset u64, length u32, CRC-32C u32), sorted by key
//	payloads
//
// A run reads the header and the index, finds keys by binary search, and
// reads a payload only when it is asked for, checking its CRC: a run that
// names one file reads two small pieces of the pack, not all of it, and a
// damaged payload or index entry is a miss, never a wrong result.
const format = 3

var magic = [8]byte{'A', 'P', 'G', 'W', 'L', 'P', 'K', '\n'}

const (
	headSize  = 8 + 4 + 32 + 8
	entrySize = 32 + 8 + 4 + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Limits keep a pack from growing without bound: entries not used by the
// run that writes the pack are dropped first.
const (
	maxEntries = 1 << 20
	maxBytes   = 256 << 20
	// Packs of other namespaces (older builds) unused for this long are
	// removed when a pack is written.
	staleAfter = 30 * 24 * time.Hour
	// A temporary pack this old and not locked was left by a killed run
	// (writing one takes well under a second).
	staleTempAfter = 5 * time.Minute
)

// Cache is one namespace's pack, opened. It is safe for concurrent use.
type Cache struct {
	dir, name string
	ns        [32]byte

	pack     *os.File        // the pack, read with ReadAt; nil: none
	n        int             // entries in its index
	payloads int64           // offset of its payload area
	size     int64           // length of its payload area
	used     []atomic.Uint64 // bit i: index entry i was read this run

	// The index is searched on disk for the first few lookups (a run that
	// names one file reads a few dozen bytes of it) and read whole once a
	// run has asked for more.
	lookups   atomic.Int64
	indexOnce sync.Once
	index     atomic.Pointer[[]byte] // the whole index once read (immutable)
	// mapped is the whole pack, mapped into memory when the index is read
	// whole (nil where mapping is unavailable): a warm run over a large
	// project then takes each payload with a copy instead of a system
	// call.
	mapped []byte
	// faulted: reading the mapping faulted (the pack was truncated under
	// it); from then on the pack is not read again.
	faulted atomic.Bool

	mu      sync.Mutex
	added   map[Key][]byte
	dropped bool // the pack on disk is (partly) unreadable and must be replaced
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

// Open opens the pack of namespace ns (any bytes that identify what the
// payloads depend on) in dir, creating dir if needed. A missing or corrupt
// pack gives an empty cache, not an error; an error means the directory
// cannot be used at all. Close releases the pack.
func Open(dir string, ns []byte) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	c := &Cache{dir: dir, ns: sha256.Sum256(ns), added: map[Key][]byte{}}
	c.name = fmt.Sprintf("results-v%d-%s.pack", format, hex.EncodeToString(c.ns[:8]))
	c.removeStaleTemps()
	f, err := safeopen.Regular(filepath.Join(dir, c.name))
	var notRegular *safeopen.NotRegularError
	switch {
	case errors.Is(err, os.ErrNotExist):
	case errors.As(err, &notRegular):
		// A FIFO or device in the pack's place: opening it blocked
		// before; a pack renamed over it would replace what is not ours.
		return nil, err
	case err != nil:
		c.dropped = true
	default:
		if c.openPack(f) {
			c.pack = f
			// Mapping costs nothing until pages are touched, so a
			// mapped pack is searched in memory from the first
			// lookup (a one-file run touches a few pages of it);
			// unmapped, the index is read whole only after many
			// lookups (loadIndex).
			if m := mapFile(f, c.payloads+c.size); m != nil {
				c.indexOnce.Do(func() {
					c.mapped = m
					index := m[headSize:c.payloads:c.payloads]
					c.index.Store(&index)
				})
			}
		} else {
			f.Close()
			c.n = 0
			c.dropped = true
		}
	}
	c.used = make([]atomic.Uint64, (c.n+63)/64)
	return c, nil
}

// openPack reads and checks a pack's header and index.
func (c *Cache) openPack(f *os.File) bool {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	var head [headSize]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return false
	}
	if !bytes.Equal(head[:8], magic[:]) || binary.LittleEndian.Uint32(head[8:]) != format || !bytes.Equal(head[12:44], c.ns[:]) {
		return false
	}
	n := binary.LittleEndian.Uint64(head[44:])
	if n > maxEntries || uint64(st.Size()) < headSize+n*entrySize {
		return false
	}
	c.n = int(n)
	c.payloads = headSize + int64(n)*entrySize
	c.size = st.Size() - c.payloads
	return true
}

func (c *Cache) count() int { return c.n }

// loadIndex reads the whole index; false when it cannot be read.
func (c *Cache) loadIndex() bool {
	c.indexOnce.Do(func() {
		if m := mapFile(c.pack, c.payloads+c.size); m != nil {
			c.mapped = m
			index := m[headSize:c.payloads:c.payloads]
			c.index.Store(&index)
			return
		}
		index := make([]byte, c.n*entrySize)
		if _, err := c.pack.ReadAt(index, headSize); err == nil {
			c.index.Store(&index)
		}
	})
	return c.index.Load() != nil
}

// indexEntry returns index entry i, from memory or from the file.
func (c *Cache) indexEntry(i int, buf *[entrySize]byte) []byte {
	if ix := c.index.Load(); ix != nil {
		return (*ix)[i*entrySize : (i+1)*entrySize]
	}
	if _, err := c.pack.ReadAt(buf[:], headSize+int64(i)*entrySize); err != nil {
		return nil
	}
	return buf[:]
}

// lookup finds k in the pack's index (on disk for the first lookups of a
// run, in memory after). Keys are SHA-256 sums, spread evenly over the key
// space, so once the index is in memory an interpolation search finds a key
// in two or three probes where a binary search over 100,000 entries takes
// seventeen; on disk, and whenever interpolation stops narrowing, it is a
// binary search.
func (c *Cache) lookup(k Key) (int, bool) {
	if c.pack == nil || c.n == 0 {
		return 0, false
	}
	if c.index.Load() == nil && c.lookups.Add(1) > 64 {
		c.loadIndex()
	}
	lo, hi := 0, c.n // the key, if present, is at an index in [lo, hi)
	if ix := c.index.Load(); ix != nil {
		idx := *ix
		kv := binary.BigEndian.Uint64(k[:8])
		for probes := 0; hi-lo > 8 && probes < 4; probes++ {
			loV := binary.BigEndian.Uint64(idx[lo*entrySize:])
			hiV := binary.BigEndian.Uint64(idx[(hi-1)*entrySize:])
			if kv < loV || kv > hiV {
				return 0, false
			}
			if hiV == loV {
				break
			}
			// The estimated position, as a fraction of the range.
			span := uint64(hi - 1 - lo)
			frac := float64(kv-loV) / float64(hiV-loV)
			m := lo + int(frac*float64(span))
			if m < lo {
				m = lo
			} else if m > hi-1 {
				m = hi - 1
			}
			switch cmp := bytes.Compare(idx[m*entrySize:m*entrySize+32], k[:]); {
			case cmp == 0:
				return m, true
			case cmp < 0:
				lo = m + 1
			default:
				hi = m
			}
		}
	}
	var buf [entrySize]byte
	failed := false
	i := lo + sort.Search(hi-lo, func(i int) bool {
		e := c.indexEntry(lo+i, &buf)
		if e == nil {
			failed = true
			return true
		}
		return bytes.Compare(e[:32], k[:]) >= 0
	})
	if failed || i >= c.n {
		return 0, false
	}
	e := c.indexEntry(i, &buf)
	return i, e != nil && bytes.Equal(e[:32], k[:])
}

// entry reads index entry i's payload; nil when it does not check out.
func (c *Cache) entry(i int) []byte {
	var buf [entrySize]byte
	e := c.indexEntry(i, &buf)
	if e == nil {
		return nil
	}
	off, size, sum := binary.LittleEndian.Uint64(e[32:]), binary.LittleEndian.Uint32(e[40:]), binary.LittleEndian.Uint32(e[44:])
	if off > uint64(c.size) || uint64(size) > uint64(c.size)-off {
		return nil
	}
	d := make([]byte, size)
	if c.index.Load() != nil && c.mapped != nil {
		// Copied out of the mapping: a payload outlives Close.
		copy(d, c.mapped[c.payloads+int64(off):])
	} else if _, err := c.pack.ReadAt(d, c.payloads+int64(off)); err != nil {
		return nil
	}
	if crc32.Checksum(d, castagnoli) != sum {
		return nil
	}
	return d
}

// guard runs read, which may touch the mapping, so that a fault (the
// pack truncated by another program while mapped: SIGBUS) is a panic it
// recovers from instead of a crash; then it marks the pack faulted and
// returns false.
func (c *Cache) guard(read func()) (ok bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if _, fault := r.(interface{ Addr() uintptr }); !fault {
				panic(r)
			}
			c.faulted.Store(true)
			ok = false
		}
	}()
	read()
	return true
}

// Get returns the payload stored under k.
func (c *Cache) Get(k Key) ([]byte, bool) {
	var i int
	var found bool
	var d []byte
	if !c.faulted.Load() && c.guard(func() {
		if i, found = c.lookup(k); found {
			d = c.entry(i)
		}
	}) && found {
		if d != nil {
			c.used[i/64].Or(1 << (i % 64))
			return d, true
		}
		c.mu.Lock()
		c.dropped = true // rewrite the pack without the damaged entry
		c.mu.Unlock()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.added[k]
	return d, ok
}

// Put stores a payload under k for the next run (see Save).
func (c *Cache) Put(k Key, data []byte) {
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

// Close releases the pack file; after it only what Put stored is found.
func (c *Cache) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closePack()
}

// closePack unmaps and closes the pack (c.mu held).
func (c *Cache) closePack() error {
	if c.pack == nil {
		return nil
	}
	if c.mapped != nil {
		c.index.Store(nil) // it points into the mapping
		unmapFile(c.mapped)
		c.mapped = nil
	}
	err := c.pack.Close()
	c.pack = nil
	return err
}

// Save writes the pack if this run added anything (or the pack on disk
// was damaged), through a temporary file and a rename (closing the pack it
// read first).
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.faulted.Load() {
		c.dropped = true // the pack changed under this run: replace it
	}
	if len(c.added) == 0 && !c.dropped {
		return nil
	}
	// The old entries are read from the mapping, which faults if the pack
	// was truncated meanwhile: then the pack is written with this run's
	// entries only.
	var buf []byte
	if c.pack == nil || c.faulted.Load() || !c.guard(func() { buf = c.encode(true) }) {
		buf = c.encode(false)
	}
	c.closePack() // keep no longer needs the old pack (it may point into its mapping)

	tmp, done, err := tempfile.Create(c.dir, ".tmp-"+c.name+"-*")
	if err != nil {
		return err
	}
	defer done()
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	lock(tmp)                   // a run cleaning stale temporary files leaves it alone
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

// encode lays out the pack Save writes: this run's entries, then, with
// withOld, the old pack's as room allows (c.mu held).
func (c *Cache) encode(withOld bool) []byte {
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
	if withOld {
		// One read of the index and of all old payloads, each checked as
		// Get would.
		var area []byte
		if c.loadIndex() && c.mapped != nil {
			area = c.mapped[c.payloads:]
		} else {
			area = make([]byte, c.size)
			if _, err := c.pack.ReadAt(area, c.payloads); err != nil || !c.loadIndex() {
				area = nil
			}
		}
		old := func(used bool) {
			for i := 0; area != nil && i < c.count(); i++ {
				e := (*c.index.Load())[i*entrySize:]
				var k Key
				copy(k[:], e)
				if _, replaced := c.added[k]; replaced || (c.used[i/64].Load()&(1<<(i%64)) != 0) != used {
					continue
				}
				off, n, sum := binary.LittleEndian.Uint64(e[32:]), binary.LittleEndian.Uint32(e[40:]), binary.LittleEndian.Uint32(e[44:])
				if off > uint64(len(area)) || uint64(n) > uint64(len(area))-off {
					continue
				}
				if d := area[off : off+uint64(n)]; crc32.Checksum(d, castagnoli) == sum {
					add(k, d)
				}
			}
		}
		old(true)
		old(false)
	}
	sort.Slice(keep, func(i, j int) bool { return bytes.Compare(keep[i].k[:], keep[j].k[:]) < 0 })

	buf := make([]byte, 0, headSize+len(keep)*entrySize+size)
	buf = append(buf, magic[:]...)
	buf = binary.LittleEndian.AppendUint32(buf, format)
	buf = append(buf, c.ns[:]...)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(len(keep)))
	off := uint64(0)
	for _, r := range keep {
		buf = append(buf, r.k[:]...)
		buf = binary.LittleEndian.AppendUint64(buf, off)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(r.d)))
		buf = binary.LittleEndian.AppendUint32(buf, crc32.Checksum(r.d, castagnoli))
		off += uint64(len(r.d))
	}
	for _, r := range keep {
		buf = append(buf, r.d...)
	}
	return buf
}

// removeStaleTemps deletes temporary packs left by runs that were killed
// before they could rename them into place: older than staleTempAfter and
// not locked by a run still writing. A temporary pack is ours and regular;
// anything else of that name is left alone (and never opened).
func (c *Cache) removeStaleTemps() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".tmp-results-") || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < staleTempAfter {
			continue
		}
		if p := filepath.Join(c.dir, e.Name()); unlocked(p) {
			os.Remove(p)
		}
	}
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
