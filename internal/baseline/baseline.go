// Package baseline records the findings a project has today, so that a
// check can report only the ones added since: `apigwlint baseline` writes
// the file, `apigwlint lint` reads it.
//
// An entry names a finding by its rule, its file (relative to the project
// root, '/' separators, so the file works from any directory and on any
// system) and its line-number-free fingerprint (internal/fingerprint), with
// the number of such findings: one more identical finding in the file is
// still new. Moving lines, adding blank lines or comments and reordering
// definitions keep every entry matching; an entry that matches nothing any
// more is stale, and the check says so, so that the file only shrinks. A
// cross-file finding (a clash) also carries a fingerprint of all its
// locations, so it matches whichever of its files a partial run reports
// it on.
package baseline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/fingerprint"
	"github.com/apigwlint/apigwlint/internal/safeopen"
)

// FileName is the baseline's default name, in the project root.
const FileName = ".apigwlint-baseline.json"

// Version is the format version written; a file of another version is an
// error, never silently read as empty.
const Version = 1

// MaxSize is the largest baseline file read.
const MaxSize = 64 << 20

// Entry is one kind of finding and how many of it there are.
type Entry struct {
	File        string `json:"file"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	// Clash is the fingerprint of a cross-file finding from either of
	// its files (see Finding.Clash); "" for the others.
	Clash string `json:"clash,omitempty"`
	// Message is for the people who review the file, clipped to
	// diag.MaxQuoted characters to keep the file small; matching uses the
	// fingerprint (of the whole message).
	Message string `json:"message"`
}

// Baseline is the content of a baseline file.
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

// Finding is one finding as the baseline sees it.
type Finding struct {
	File    string // relative to the project root, '/' separators
	Rule    string
	Message string
	Line    string // the text of the finding's first line
	// Others are the locations in other files of a cross-file finding
	// (a clash between two definitions), File relative to the project
	// root too.
	Others []Location
}

// Location is a place in a file: the file and the text of the line.
type Location struct {
	File string
	Line string
}

// key identifies a kind of finding: its rule and fingerprint (which
// includes the file).
type key struct{ rule, fingerprint string }

// Fingerprint is the finding's fingerprint.Of.
func (f Finding) Fingerprint() string {
	return fingerprint.Of(f.Rule, f.File, f.Message, f.Line)
}

// Clash is the fingerprint of a cross-file finding that is the same from
// either of its files: a hash of the rule and of its locations (file and
// line text) in a fixed order, without the message, which names the other
// side. A whole run reports a clash on the later file, a partial run (a
// pre-commit hook) on the file it names; Clash matches either. "" when the
// finding has no location in another file.
func (f Finding) Clash() string {
	if len(f.Others) == 0 {
		return ""
	}
	locs := []string{f.File + "\x00" + strings.TrimSpace(f.Line)}
	for _, o := range f.Others {
		locs = append(locs, o.File+"\x00"+strings.TrimSpace(o.Line))
	}
	sort.Strings(locs)
	return fingerprint.Hash(append([]string{"clash", f.Rule}, locs...)...)
}

func (f Finding) key() key { return key{f.Rule, f.Fingerprint()} }

// Build makes the baseline of findings: one entry per kind, counted,
// sorted by file, rule, message and fingerprint.
func Build(findings []Finding) *Baseline {
	index := map[key]int{}
	b := &Baseline{Version: Version, Entries: []Entry{}}
	for _, f := range findings {
		k := f.key()
		if i, ok := index[k]; ok {
			b.Entries[i].Count++
			continue
		}
		index[k] = len(b.Entries)
		b.Entries = append(b.Entries, Entry{File: f.File, Rule: f.Rule, Fingerprint: k.fingerprint, Count: 1, Message: diag.Clip(f.Message), Clash: f.Clash()})
	}
	b.sort()
	return b
}

func (b *Baseline) sort() {
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := &b.Entries[i], &b.Entries[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Message != y.Message {
			return x.Message < y.Message
		}
		return x.Fingerprint < y.Fingerprint
	})
}

// Merge returns b with the entries of the files that kept says to keep
// taken from old: a baseline of some files of a project replaces their
// entries and leaves the others'. An old entry of a clash that b holds
// too (seen from its other file) is not kept twice.
func Merge(old, b *Baseline, keep func(file string) bool) *Baseline {
	out := &Baseline{Version: Version, Entries: append([]Entry{}, b.Entries...)}
	seen := map[key]bool{}
	clashes := map[key]bool{}
	for _, e := range b.Entries {
		seen[key{e.Rule, e.Fingerprint}] = true
		if e.Clash != "" {
			clashes[key{e.Rule, e.Clash}] = true
		}
	}
	if old != nil {
		for _, e := range old.Entries {
			if keep(e.File) && !seen[key{e.Rule, e.Fingerprint}] && (e.Clash == "" || !clashes[key{e.Rule, e.Clash}]) {
				out.Entries = append(out.Entries, e)
			}
		}
	}
	out.sort()
	return out
}

// Findings counts the findings the baseline holds.
func (b *Baseline) Findings() int {
	n := 0
	for _, e := range b.Entries {
		n += e.Count
	}
	return n
}

// Files counts the files the baseline names.
func (b *Baseline) Files() int {
	seen := map[string]bool{}
	for _, e := range b.Entries {
		seen[e.File] = true
	}
	return len(seen)
}

// Encode writes the baseline as JSON with one entry per line: small, and a
// change to it is a readable diff of whole entries.
func (b *Baseline) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"entries\": [", b.Version)
	for i, e := range b.Entries {
		line, err := marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(line)
	}
	if len(b.Entries) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// marshal is json.Marshal without HTML escaping ("<" stays "<" in a
// message).
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Error is a baseline file that cannot be used; Error() names the file and,
// where there is one, the line and column.
type Error struct {
	File      string
	Line, Col int // 0 when the problem has no position
	Message   string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Message)
}

// Read reads the baseline file at path; display names it in errors. A file
// that does not exist is an error wrapping os.ErrNotExist.
func Read(path, display string) (*Baseline, error) {
	f, err := safeopen.Regular(path)
	var notRegular *safeopen.NotRegularError
	if errors.As(err, &notRegular) {
		return nil, &Error{File: display, Message: fmt.Sprintf("it is %s, not a regular file", safeopen.Describe(notRegular.Mode))}
	}
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", display, os.ErrNotExist)
		}
		return nil, &Error{File: display, Message: fmt.Sprintf("cannot read it: %v", bareErr(err))}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &Error{File: display, Message: fmt.Sprintf("cannot read it: %v", bareErr(err))}
	}
	if len(data) > MaxSize {
		return nil, &Error{File: display, Message: fmt.Sprintf("it is over %d bytes; is it the right file?", MaxSize)}
	}
	return Parse(display, data)
}

func bareErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads baseline text; display names the file in errors.
func Parse(display string, data []byte) (*Baseline, error) {
	at := func(offset int64, format string, args ...any) error {
		line, col := position(data, offset)
		return &Error{File: display, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var raw struct {
		Version *int            `json:"version"`
		Entries json.RawMessage `json:"entries"`
	}
	if err := dec.Decode(&raw); err != nil {
		return nil, decodeError(err, data, at, "a baseline is a JSON object with version and entries (written by 'apigwlint baseline')")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, at(dec.InputOffset(), "unexpected text after the baseline object")
	}
	switch {
	case raw.Version == nil:
		return nil, at(0, "no version; this is not a baseline written by 'apigwlint baseline'")
	case *raw.Version != Version:
		return nil, at(offsetOf(data, `"version"`), "version %d is not one this apigwlint reads (%d); write the baseline again with 'apigwlint baseline'", *raw.Version, Version)
	}
	b := &Baseline{Version: Version, Entries: []Entry{}}
	if raw.Entries == nil || string(raw.Entries) == "null" {
		return b, nil
	}
	base := offsetOf(data, `"entries"`)
	ed := json.NewDecoder(bytes.NewReader(raw.Entries))
	ed.DisallowUnknownFields()
	start := int64(bytes.Index(data[base:], raw.Entries[:1])) + base
	if err := ed.Decode(&b.Entries); err != nil {
		return nil, decodeError(err, raw.Entries, func(off int64, format string, args ...any) error {
			return at(start+off, format, args...)
		}, "entries is a list of {file, rule, fingerprint, count, message}")
	}
	// Each entry's position, for the messages below: the offsets of the
	// objects in the list.
	starts := objectStarts(raw.Entries)
	for i, e := range b.Entries {
		off := start
		if i < len(starts) {
			off += starts[i]
		}
		switch {
		case e.File == "" || e.Rule == "" || e.Fingerprint == "":
			return nil, at(off, "entry %d needs a file, a rule and a fingerprint", i+1)
		case e.Count < 1:
			return nil, at(off, "entry %d has count %d; a count is 1 or more", i+1, e.Count)
		case strings.Contains(e.File, "\\"):
			return nil, at(off, "entry %d names %q; paths in a baseline use '/'", i+1, e.File)
		}
	}
	return b, nil
}

// decodeError turns a decoding error into one with a position.
func decodeError(err error, data []byte, at func(int64, string, ...any) error, shape string) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset is just after the offending character.
		return at(syn.Offset-1, "not valid JSON: %v", syn.Error())
	case errors.As(err, &typ):
		what := typ.Field
		if what == "" {
			what = "the value"
		}
		// Offset is just after a scalar value: point at its start.
		off := min(typ.Offset, int64(len(data)))
		for off > 0 && !strings.ContainsRune(",:[{ \t\r\n", rune(data[off-1])) {
			off--
		}
		return at(off, "%s is a JSON %s where %s is expected (%s)", what, typ.Value, jsonKind(typ.Type.Kind()), shape)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return at(int64(len(data)), "the file is empty or cut short (%s)", shape)
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return at(offsetOf(data, f), "unknown key %s (%s)", f, shape)
	}
	return at(0, "%s (%s)", strings.TrimPrefix(msg, "json: "), shape)
}

// jsonKind names the JSON value a Go kind is read from.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}

// objectStarts returns the offsets of the objects directly inside a JSON
// list.
func objectStarts(list []byte) []int64 {
	var out []int64
	dec := json.NewDecoder(bytes.NewReader(list))
	if _, err := dec.Token(); err != nil { // [
		return nil
	}
	for dec.More() {
		off := dec.InputOffset()
		// Skip the blanks and comma before the value.
		for int(off) < len(list) && strings.ContainsRune(" \t\r\n,", rune(list[off])) {
			off++
		}
		out = append(out, off)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
	}
	return out
}

func offsetOf(data []byte, s string) int64 {
	if i := bytes.Index(data, []byte(s)); i >= 0 {
		return int64(i)
	}
	return 0
}

// position is the 1-based line and column (in characters) of a byte
// offset.
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	col = len([]rune(string(before[lineStart:]))) + 1
	return line, col
}

// Matcher takes findings off a baseline as a run meets them.
type Matcher struct {
	b         *Baseline
	remaining map[key]int
	clashes   map[key][]key // {rule, Clash} → the entries' keys
}

// Matcher returns a matcher with every entry's count available.
func (b *Baseline) Matcher() *Matcher {
	m := &Matcher{b: b, remaining: map[key]int{}, clashes: map[key][]key{}}
	for _, e := range b.Entries {
		k := key{e.Rule, e.Fingerprint}
		m.remaining[k] += e.Count
		if e.Clash != "" {
			c := key{e.Rule, e.Clash}
			m.clashes[c] = append(m.clashes[c], k)
		}
	}
	return m
}

// Match reports whether f is in the baseline, and takes it off: of three
// identical findings in a file with a baseline count of two, the third is
// new. A cross-file finding matches by its fingerprint, else by its Clash
// (the same clash, reported on its other file).
func (m *Matcher) Match(f Finding) bool {
	k := f.key()
	if m.remaining[k] > 0 {
		m.remaining[k]--
		return true
	}
	if c := f.Clash(); c != "" {
		for _, k := range m.clashes[key{f.Rule, c}] {
			if m.remaining[k] > 0 {
				m.remaining[k]--
				return true
			}
		}
	}
	return false
}

// Stale returns the entries (with the counts) that matched nothing, among
// the files that checked says were checked, in file order.
func (m *Matcher) Stale(checked func(file string) bool) []Entry {
	var out []Entry
	for _, e := range m.b.Entries {
		k := key{e.Rule, e.Fingerprint}
		n := min(m.remaining[k], e.Count)
		if n <= 0 || !checked(e.File) {
			continue
		}
		// Two entries with the same key (a hand-merged file) share the
		// remaining count; report it once.
		m.remaining[k] -= n
		e.Count = n
		out = append(out, e)
	}
	// Restore: Stale may be asked again.
	for _, e := range out {
		m.remaining[key{e.Rule, e.Fingerprint}] += e.Count
	}
	return out
}

// Pruned returns the baseline without what Stale(checked) returns: the
// entries of the checked files keep only the findings that matched. It
// never adds an entry.
func (m *Matcher) Pruned(checked func(file string) bool) *Baseline {
	stale := map[key]int{}
	for _, e := range m.Stale(checked) {
		stale[key{e.Rule, e.Fingerprint}] += e.Count
	}
	out := &Baseline{Version: Version, Entries: []Entry{}}
	for _, e := range m.b.Entries {
		k := key{e.Rule, e.Fingerprint}
		drop := min(stale[k], e.Count)
		stale[k] -= drop
		if e.Count -= drop; e.Count > 0 {
			out.Entries = append(out.Entries, e)
		}
	}
	out.sort()
	return out
}
