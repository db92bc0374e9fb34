package lint

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/apigwlint/apigwlint/internal/cache"
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/frontend/registry"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/internal/suppress"
	"github.com/apigwlint/apigwlint/schema"
)

// The result cache: what CheckBytes returns for a file depends only on the
// file's bytes, its extension (YAML or JSON), whether it was named
// explicitly, and the build of apigwlint (rules, schemas, loader). So a
// cached result is keyed by a hash of exactly that, and holds the
// diagnostics as CheckBytes made them: before severities, configuration
// and inline suppressions are applied (finish does that on every run, so a
// configuration change never needs a new cache).
//
// entryFormat is the layout of one cached result; bump it whenever
// encodeEntry changes (or FileResult gains a cached field).
const entryFormat = 4 // 4: diagnostics carry their fixes

// OpenCache opens the result cache in dir for this build of apigwlint.
func OpenCache(dir string) (*cache.Cache, error) {
	return cache.Open(dir, namespace())
}

var (
	nsOnce  sync.Once
	nsBytes []byte
)

// namespace identifies everything a cached result depends on besides the
// file: the entry layout, the module version and VCS revision, the
// executable itself (size and modification time, so that every rebuild of
// a development version starts a fresh cache) and the embedded schemas.
func namespace() []byte {
	nsOnce.Do(func() {
		var b strings.Builder
		fmt.Fprintf(&b, "apigwlint results entry=%d\n", entryFormat)
		if bi, ok := debug.ReadBuildInfo(); ok {
			fmt.Fprintf(&b, "module=%s %s %s\n", bi.Main.Path, bi.Main.Version, bi.GoVersion)
			for _, s := range bi.Settings {
				if strings.HasPrefix(s.Key, "vcs.") {
					fmt.Fprintf(&b, "%s=%s\n", s.Key, s.Value)
				}
			}
		}
		if exe, err := os.Executable(); err == nil {
			if st, err := os.Stat(exe); err == nil {
				fmt.Fprintf(&b, "exe=%s %d %d\n", filepath.Clean(exe), st.Size(), st.ModTime().UnixNano())
			}
		}
		h := sha256.New()
		for _, op := range schema.Ops {
			raw, _ := schema.Published(op)
			h.Write(raw)
		}
		fmt.Fprintf(&b, "schemas=%x\n", h.Sum(nil))
		nsBytes = []byte(b.String())
	})
	return nsBytes
}

// cacheKey is the key of a file's result.
func cacheKey(display string, data []byte, explicit bool) cache.Key {
	h := sha256.New()
	flag := byte('w')
	if explicit {
		flag = 'e'
	}
	// The extension decides YAML or JSON; the rest of the path is not
	// part of the result (diagnostics name the file when decoded).
	fmt.Fprintf(h, "%s\x00%c\x00%d\x00", strings.ToLower(filepath.Ext(display)), flag, len(data))
	h.Write(data)
	var k cache.Key
	h.Sum(k[:0])
	return k
}

// metaKey names a file by where it is and what its metadata say (size,
// modification time, inode, status-change time), for a run that may take a
// result without reading the file: the editor-on-save and pre-commit runs
// of a large project, where every other file is read only for the
// cross-file index. Its entry holds the content key and whether the text
// can be skipped (it holds no suppression comment).
func metaKey(path string, fi os.FileInfo, explicit bool) cache.Key {
	b := make([]byte, 0, 64+len(path))
	b = append(b, "meta\x00"...)
	b = append(b, path...)
	b = append(b, 0)
	if explicit {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(fi.Size()))
	b = binary.LittleEndian.AppendUint64(b, uint64(fi.ModTime().UnixNano()))
	b = fileIdentity(b, fi)
	return cache.Key(sha256.Sum256(b))
}

const (
	metaNoText    = 1 // the file has no suppression comment: its text is not needed
	metaIndexOnly = 2 // the content key names an index-only entry (indexKey)
)

// indexKey is the key of a file's index-only entry (IndexBytes), kept for
// the files a partial run reads only for the project index. It differs
// from cacheKey, so a full run never takes an index-only entry for a
// result.
func indexKey(display string, data []byte) cache.Key {
	h := sha256.New()
	fmt.Fprintf(h, "index\x00%s\x00%d\x00", strings.ToLower(filepath.Ext(display)), len(data))
	h.Write(data)
	var k cache.Key
	h.Sum(k[:0])
	return k
}

// indexJob reads a file that was not asked for, for the project index
// only: from the cache by its metadata when it is unchanged (a full
// result's index serves as well as an index-only one), else by its
// content, else by IndexBytes, whose result is cached as an index-only
// entry. Its diagnostics are never reported, so they are not needed.
func indexJob(opts *Options, j job) (*FileResult, error) {
	if opts.needles != nil && opts.needles.Nothing() {
		// The named files contribute nothing to the index: no other
		// file can clash with them.
		return &FileResult{Path: j.display}, nil
	}
	if ov, ok := opts.Overlays[j.path]; ok {
		// An editor's unsaved text: it is what the file holds.
		if int64(len(ov)) > opts.MaxFileSize || (opts.needles != nil && !registry.MayMatter(j.display, ov, opts.needles)) {
			return &FileResult{Path: j.display}, nil
		}
		return IndexBytes(j.display, ov), nil
	}
	var fi os.FileInfo
	if opts.Cache != nil && !j.stdin {
		if st, err := os.Stat(j.path); err == nil && st.Mode().IsRegular() && st.Size() <= opts.MaxFileSize {
			fi = st
			if p, ok := opts.Cache.Get(metaKey(j.path, fi, false)); ok && len(p) >= len(cache.Key{})+1 {
				if opts.needles != nil && metaCannotMatter(p, opts.needles) {
					// Unchanged, and none of its index keys is a
					// named file's: nothing in it can matter.
					return &FileResult{Path: j.display, cached: true, unread: true}, nil
				}
				var key cache.Key
				copy(key[:], p)
				if payload, ok := opts.Cache.Get(key); ok {
					if fr, err := decodeEntry(payload, j.display, false); err == nil {
						fr.cached, fr.unread = true, true
						return fr, nil
					}
				}
			}
		}
	}
	if opts.indexReads != nil {
		opts.indexReads.Add(1)
	}
	data, size, err := readRegular(j.path, opts.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", j.display, err)
	}
	if data == nil || int64(len(data)) > opts.MaxFileSize {
		return tooLarge(opts, j, size), nil
	}
	if opts.needles != nil && !registry.MayMatter(j.display, data, opts.needles) {
		// It cannot clash with the named files: not parsed (and so
		// nothing to cache).
		return &FileResult{Path: j.display}, nil
	}
	if opts.Cache == nil {
		return IndexBytes(j.display, data), nil
	}
	// A full result of this content (from an earlier full run) holds the
	// same index.
	if payload, ok := opts.Cache.Get(cacheKey(j.display, data, false)); ok {
		if fr, err := decodeEntry(payload, j.display, false); err == nil {
			fr.cached = true
			return fr, nil
		}
	}
	key := indexKey(j.display, data)
	var fr *FileResult
	if payload, ok := opts.Cache.Get(key); ok {
		if fr, err = decodeEntry(payload, j.display, false); err == nil {
			fr.cached = true
		} else {
			fr = nil
		}
	}
	if fr == nil {
		fr = IndexBytes(j.display, data)
		if payload, ok := encodeEntry(fr); ok {
			opts.Cache.Put(key, payload)
		}
	}
	if fi != nil && int64(len(data)) == fi.Size() {
		opts.Cache.Put(metaKey(j.path, fi, false), metaPayload(key, metaNoText|metaIndexOnly, &fr.Index))
	}
	return fr, nil
}

// checkByMeta returns the cached result of an unchanged file without
// reading it, or nil (then the file is read and checked as usual). A file
// whose result has diagnostics, or whose text has suppression comments,
// is read anyway: the text is needed for snippets and suppressions.
func checkByMeta(opts *Options, path, display string, fi os.FileInfo, explicit bool) *FileResult {
	p, ok := opts.Cache.Get(metaKey(path, fi, explicit))
	if !ok || len(p) < len(cache.Key{})+1 || p[len(cache.Key{})]&metaNoText == 0 || p[len(cache.Key{})]&metaIndexOnly != 0 {
		return nil
	}
	var key cache.Key
	copy(key[:], p)
	payload, ok := opts.Cache.Get(key)
	if !ok {
		return nil
	}
	fr, err := decodeEntry(payload, display, explicit)
	if err != nil || len(fr.Diags) > 0 || opts.KeepSources {
		return nil
	}
	fr.cached = true
	return fr
}

// rememberMeta records which content a file had when it had this metadata.
func rememberMeta(opts *Options, path string, fi os.FileInfo, explicit bool, key cache.Key, fr *FileResult) {
	flags := byte(0)
	if fr.Suppressions == nil {
		flags |= metaNoText
	}
	opts.Cache.Put(metaKey(path, fi, explicit), metaPayload(key, flags, &fr.Index))
}

// metaPayload is a metadata entry: the content key, the flags, and the
// file's index keys (its group IDs, service names and client tokens, see
// facts.NeedleSet), so that a partial run can tell that an unchanged file
// cannot matter without decoding its entry.
//
//	key [32] | flags | count uvarint | count × (len uvarint, bytes)
func metaPayload(key cache.Key, flags byte, ix *facts.FileIndex) []byte {
	keys := ix.Keys()
	n := len(key) + 1 + binary.MaxVarintLen64
	for _, k := range keys {
		n += binary.MaxVarintLen64 + len(k)
	}
	p := make([]byte, 0, n)
	p = append(p, key[:]...)
	p = append(p, flags)
	p = binary.AppendUvarint(p, uint64(len(keys)))
	for _, k := range keys {
		p = binary.AppendUvarint(p, uint64(len(k)))
		p = append(p, k...)
	}
	return p
}

// metaCannotMatter reports whether a metadata entry's index keys show that
// the file cannot matter to the named files (none is a needle); false when
// they do, or when the entry holds no keys or does not decode. It reads
// the keys without allocating, for the warm partial run's every file.
func metaCannotMatter(p []byte, ns *facts.NeedleSet) bool {
	b := p[len(cache.Key{})+1:]
	if len(b) == 0 {
		return false
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return false
	}
	b = b[k:]
	for i := uint64(0); i < n; i++ {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) {
			return false
		}
		if ns.HasKey(b[k : k+int(l)]) {
			return false
		}
		b = b[k+int(l):]
	}
	return len(b) == 0
}

// checkCachedKey is CheckBytes through the cache; it also returns the
// content key.
func checkCachedKey(opts *Options, display string, data []byte, explicit bool) (*FileResult, cache.Key) {
	if opts.Cache == nil {
		return CheckBytes(display, data, explicit), cache.Key{}
	}
	key := cacheKey(display, data, explicit)
	if payload, ok := opts.Cache.Get(key); ok {
		if fr, err := decodeEntry(payload, display, explicit); err == nil {
			if len(fr.Diags) > 0 || opts.KeepSources {
				fr.File = source.Text(display, data) // for snippets
			}
			fr.cached = true
			fr.Suppressions = suppress.Scan(display, data)
			return fr, key
		}
		// A payload that does not decode is never trusted: recompute
		// and replace it.
	}
	fr := CheckBytes(display, data, explicit)
	if payload, ok := encodeEntry(fr); ok {
		opts.Cache.Put(key, payload)
	}
	return fr, key
}

// encodeEntry writes the cached part of a result. ok is false for a result
// that cannot be cached faithfully (then it is simply recomputed).
//
// Layout (all integers uvarint, strings length-prefixed):
//
//	definitions, flags(bit 0: skipped)
//	len(diags), {range, severity, rule, message, document, pointer,
//	             len(related), {file, range, message}}
//	the project index: len(facts), {kind, key, loc, len(attrs), {attr}, origin range}
//	where loc is {file, document, pointer, range}
//
// File names equal to the file's own path are stored as "" and restored
// on decode, so one entry serves the file under any path. Inline
// suppressions are not cached: they are read from the text (which a run
// reads anyway to hash it) with one bytes.Contains when there are none.
func encodeEntry(fr *FileResult) ([]byte, bool) {
	e := encoder{buf: make([]byte, 0, 64)}
	e.uint(uint64(fr.Definitions))
	flags := uint64(0)
	if fr.Skipped {
		flags |= 1
	}
	e.uint(flags)
	e.uint(uint64(len(fr.Diags)))
	for _, d := range fr.Diags {
		if d.File != fr.Path || d.Document < 0 {
			return nil, false
		}
		e.rng(d.Range)
		e.uint(uint64(d.Severity))
		e.str(d.Rule)
		e.str(d.Message)
		e.uint(uint64(d.Document))
		e.str(d.Pointer)
		e.uint(uint64(len(d.Related)))
		for _, r := range d.Related {
			file := r.File
			if file == fr.Path {
				file = ""
			} else if file == "" {
				return nil, false
			}
			e.str(file)
			e.rng(r.Range)
			e.str(r.Message)
		}
		e.uint(uint64(len(d.Fixes)))
		for _, f := range d.Fixes {
			e.str(f.Message)
			safe := uint64(0)
			if f.Safe {
				safe = 1
			}
			e.uint(safe)
			e.uint(uint64(len(f.Edits)))
			for _, x := range f.Edits {
				if x.Start < 0 || x.End < x.Start {
					return nil, false
				}
				e.uint(uint64(x.Start))
				e.uint(uint64(x.End))
				e.str(x.NewText)
			}
		}
	}
	loc := func(l facts.Loc) {
		file := l.File
		switch {
		case file == fr.Path:
			file = ""
		case file == "":
			file = "\x00" // no location (a key that is absent)
		}
		e.str(file)
		e.uint(uint64(l.Document))
		e.str(l.Pointer)
		e.rng(l.Range)
	}
	e.uint(uint64(len(fr.Index.Facts)))
	for _, f := range fr.Index.Facts {
		e.str(f.Kind)
		e.str(f.Key)
		loc(f.At)
		e.uint(uint64(len(f.Attrs)))
		for _, a := range f.Attrs {
			e.str(a)
		}
		e.rng(f.Origin)
	}
	return e.buf, !e.bad
}

var errEntry = errors.New("malformed cache entry")

// decodeEntry is the inverse of encodeEntry for the file display.
func decodeEntry(b []byte, display string, explicit bool) (*FileResult, error) {
	d := decoder{buf: b}
	fr := &FileResult{Path: display, Explicit: explicit}
	fr.Definitions = d.int()
	flags := d.uint()
	fr.Skipped = flags&1 != 0
	if n := d.count(); n > 0 {
		fr.Diags = make([]diag.Diagnostic, n)
		for i := range fr.Diags {
			x := &fr.Diags[i]
			x.File = display
			x.Range = d.rng()
			x.Severity = diag.Severity(d.uint())
			x.Rule = d.str()
			x.Message = d.str()
			x.Document = d.int()
			x.Pointer = d.str()
			if m := d.count(); m > 0 {
				x.Related = make([]diag.Related, m)
				for j := range x.Related {
					r := &x.Related[j]
					r.File = d.str()
					if r.File == "" {
						r.File = display
					}
					r.Range = d.rng()
					r.Message = d.str()
				}
			}
			if m := d.count(); m > 0 {
				x.Fixes = make([]diag.Fix, m)
				for j := range x.Fixes {
					f := &x.Fixes[j]
					f.Message = d.str()
					f.Safe = d.uint() == 1
					if k := d.count(); k > 0 {
						f.Edits = make([]diag.Edit, k)
						for l := range f.Edits {
							f.Edits[l] = diag.Edit{Start: d.int(), End: d.int(), NewText: d.str()}
						}
					}
				}
			}
		}
	}
	loc := func() facts.Loc {
		l := facts.Loc{File: d.str(), Document: d.int(), Pointer: d.str(), Range: d.rng()}
		switch l.File {
		case "":
			l.File = display
		case "\x00":
			l.File = ""
		}
		return l
	}
	if n := d.count(); n > 0 {
		fr.Index.Facts = make([]facts.Fact, n)
		for i := range fr.Index.Facts {
			f := &fr.Index.Facts[i]
			f.Kind = facts.Intern(d.str())
			f.Key = facts.Intern(d.str())
			f.At = loc()
			if m := d.count(); m > 0 {
				f.Attrs = make([]string, m)
				for j := range f.Attrs {
					f.Attrs[j] = d.str()
				}
			}
			f.Origin = d.rng()
		}
	}
	if d.bad || len(d.buf) != 0 {
		return nil, errEntry
	}
	return fr, nil
}

type encoder struct {
	buf []byte
	bad bool
}

func (e *encoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *encoder) rng(r diag.Range) {
	for _, v := range [...]int{r.Start.Line, r.Start.Col, r.End.Line, r.End.Col} {
		if v < 0 {
			e.bad = true
		}
		e.uint(uint64(v))
	}
}

type decoder struct {
	buf []byte
	bad bool
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.bad = true
		d.buf = nil
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// int reads a non-negative int.
func (d *decoder) int() int {
	v := d.uint()
	if v > 1<<31 {
		d.bad = true
		return 0
	}
	return int(v)
}

// count reads a length, bounded by the bytes left (every element takes at
// least one), so that a corrupt length cannot allocate much.
func (d *decoder) count() int {
	v := d.uint()
	if v > uint64(len(d.buf)) {
		d.bad = true
		d.buf = nil
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count()
	if d.bad {
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *decoder) rng() diag.Range {
	return diag.Range{Start: diag.Pos{Line: d.int(), Col: d.int()}, End: diag.Pos{Line: d.int(), Col: d.int()}}
}
