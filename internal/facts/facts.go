// Package facts is the engine's store of cross-file facts: what each
// definition exports for the project rules (in the spirit of go/analysis
// Facts), kept as plain data so that a result cache can store a file's part
// beside its diagnostics, and the machinery that keeps partial runs cheap
// (narrowing, needles, interning). A project rule declares the facts it
// reads (rules.FactKind); nothing here knows any rule.
package facts

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Loc is a place in a definition file.
type Loc struct {
	File     string
	Document int
	Pointer  string
	Range    diag.Range
}

// Before orders locations in path order, then by position: the order in
// which cross-file diagnostics decide which of two definitions is "later".
func (l Loc) Before(m Loc) bool {
	if l.File != m.File {
		return l.File < m.File
	}
	if l.Range.Start != m.Range.Start {
		return l.Range.Start.Less(m.Range.Start)
	}
	return l.Pointer < m.Pointer
}

// LocOf is the location of a node of a definition.
func LocOf(file string, doc int, n *source.Node) Loc {
	return Loc{File: file, Document: doc, Pointer: Intern(n.Pointer), Range: n.Range}
}

// Fact is one thing a definition exports for the project rules.
//
// Kind names the family of facts (rules.FactKind.Name). Key is what
// decides whether two facts can interact at all: facts of one kind are
// compared only when their keys are equal (a CreateApi's group, a service
// name, a client token), which is what lets a partial run leave out every
// file that holds none of the named files' keys. Attrs are the kind's own
// values, in an order the kind defines.
//
// A key may be symbolic: a value not known before deployment, named by
// where it comes from (a ROS group resource is "ros:<template>#<LogicalId>",
// see Symbolic). Symbolic keys are equal only to themselves.
type Fact struct {
	Kind  string
	Key   string
	At    Loc
	Attrs []string `json:",omitempty"`
	// Origin is where a symbolic key comes from, in At's file (the
	// template resource of a group); the zero Range when none.
	Origin diag.Range
}

// Attr returns the i-th attribute, or "".
func (f *Fact) Attr(i int) string {
	if i < len(f.Attrs) {
		return f.Attrs[i]
	}
	return ""
}

// Symbolic keys start with this byte, so that no literal value is ever
// taken for one. A symbolic key that other files can produce as well (a
// Serverless Devs group, found by its name) holds, after the last
// NeedleSep, the text those files must contain; any other symbolic key is
// local to the file that produced it.
//
// A name may end with a qualifier after QualSep (the module directory
// of a Terraform expression): it keeps equal texts in different places
// apart, and messages leave it out.
const (
	SymbolicMark = "\x00"
	NeedleSep    = "\x1f"
	QualSep      = "\x1e"
)

// Symbolic makes a symbolic key from its readable name, with the text
// another file must hold to produce the same key ("" = none can).
func Symbolic(name, needle string) string {
	if needle == "" {
		return SymbolicMark + name
	}
	return SymbolicMark + name + NeedleSep + needle
}

// IsSymbolic reports whether a key is symbolic.
func IsSymbolic(key string) bool { return strings.HasPrefix(key, SymbolicMark) }

// Readable is a key as a message shows it.
func Readable(key string) string {
	if !IsSymbolic(key) {
		return key
	}
	key = key[1:]
	if i := strings.LastIndex(key, NeedleSep); i >= 0 {
		key = key[:i]
	}
	if i := strings.Index(key, QualSep); i >= 0 {
		key = key[:i]
	}
	return key
}

// needle is the text a file must hold to produce key; local is true for
// a symbolic key no other file can produce.
func needle(key string) (text string, local bool) {
	if !IsSymbolic(key) {
		return key, false
	}
	if i := strings.LastIndex(key, NeedleSep); i >= 0 {
		return key[i+len(NeedleSep):], false
	}
	return "", true
}

// interned holds one copy of each short string the index repeats (group
// and gateway IDs, methods, pointers such as /RequestConfig/RequestPath):
// the index of a 100,000-file project is kept for the whole run, and every
// byte of it is scanned by each garbage collection.
var interned sync.Map

// Intern returns the shared copy of s. Longer strings are only cloned
// (they are rarely repeated); either way the result never points into the
// document it was read from.
func Intern(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > 64 {
		return strings.Clone(s)
	}
	if v, ok := interned.Load(s); ok {
		return v.(string)
	}
	c := strings.Clone(s)
	v, _ := interned.LoadOrStore(c, c)
	return v.(string)
}

// FileIndex is one file's part of the project index.
type FileIndex struct {
	Facts []Fact `json:",omitempty"`
}

// Compact reallocates the fact list at its exact length: a file's part is
// kept for the whole run, and append leaves room to spare.
func (fi *FileIndex) Compact() {
	fi.Facts = slices.Clip(slices.Clone(fi.Facts))
}

// Empty reports whether the file contributes nothing to the index.
func (fi *FileIndex) Empty() bool { return len(fi.Facts) == 0 }

// Index is the project index: every file's facts by kind, each list in
// path order, and which files the run reports on.
type Index struct {
	byKind map[string][]Fact
	// Reported says whether diagnostics located in a file are shown; in a
	// partial run (some files named, the whole project indexed) only the
	// named ones are. nil = every file.
	Reported func(file string) bool
	// BothSides reports a clash between entries of two reported files on
	// both, each pointing at the other (the editor: the file being typed
	// in shows the clash too); otherwise only the later entry gets it.
	BothSides bool
}

// NewIndex merges files' parts into a project index. It consumes them:
// each part's facts are dropped from files once copied.
func NewIndex(files []FileIndex, reported func(file string) bool) *Index {
	// Counted first, so that each list is allocated once at its length
	// (the index of a large project is its largest allocation).
	counts := map[string]int{}
	for i := range files {
		for j := range files[i].Facts {
			counts[files[i].Facts[j].Kind]++
		}
	}
	ix := &Index{Reported: reported, byKind: make(map[string][]Fact, len(counts))}
	for kind, n := range counts {
		ix.byKind[kind] = make([]Fact, 0, n)
	}
	for i := range files {
		for _, f := range files[i].Facts {
			ix.byKind[f.Kind] = append(ix.byKind[f.Kind], f)
		}
		// Merged: each part can go as soon as it is copied, so that a
		// large project's index is not held twice at its peak.
		files[i].Facts = nil
	}
	for _, list := range ix.byKind {
		sort.SliceStable(list, func(i, j int) bool { return list[i].At.Before(list[j].At) })
	}
	return ix
}

// Of returns the facts of one kind, in path order.
func (ix *Index) Of(kind string) []Fact { return ix.byKind[kind] }

// IsReported reports whether diagnostics in file are shown.
func (ix *Index) IsReported(file string) bool {
	return ix.Reported == nil || ix.Reported(file)
}

// Narrow returns, of the facts of files a partial run does not report on
// (others), those that can take part in a clash with a fact of a reported
// file (named), as one part for NewIndex: facts interact only within one
// kind and key (see Fact), and project rules report only clashes that
// touch a reported file, so a fact of another kind or key than every
// reported fact cannot change a diagnostic. A partial run in a large
// project then runs the rules over a few facts instead of all of them
// (TestNarrowKeepsDiagnostics in internal/lint compares narrowed and whole
// runs).
func Narrow(named, others []FileIndex) FileIndex {
	keys := map[[2]string]bool{}
	for i := range named {
		for _, f := range named[i].Facts {
			keys[[2]string{f.Kind, f.Key}] = true
		}
	}
	var out FileIndex
	for i := range others {
		for _, f := range others[i].Facts {
			if keys[[2]string{f.Kind, f.Key}] {
				out.Facts = append(out.Facts, f)
			}
		}
	}
	return out
}

// NeedleSet is what a file must contain to hold an entry that Narrow would
// keep: one of the named entries' group IDs, service names or client
// tokens. A value is written in a file's bytes verbatim, or with some of
// its characters escaped (\u0041, \x41, \/ in double-quoted YAML or JSON,
// with the backslash itself escaped once more per level of JSON string:
// \\u0041), unless quote doubling (” in single-quoted YAML), line folding
// (which leaves a blank) or JSON number formatting (1.0 for 1) changes it.
// So MayMatter looks for each needle with every character either literal
// or escaped, and a needle holding a quote, a blank or a backslash, or
// that is a number, makes every file matter.
type NeedleSet struct {
	needles []string
	all     bool // every file may matter
}

// Needles returns the needle set of a partial run's named files' index.
func Needles(named []FileIndex) *NeedleSet {
	ns := &NeedleSet{}
	seen := map[string]bool{}
	add := func(v string) {
		if v == "" || seen[v] {
			return
		}
		seen[v] = true
		if strings.ContainsAny(v, " '\"\\") || strings.Trim(v, "0123456789+-.eE") == "" || !utf8.ValidString(v) ||
			strings.ContainsFunc(v, unusualRune) {
			ns.all = true
		}
		ns.needles = append(ns.needles, v)
	}
	for i := range named {
		for _, f := range named[i].Facts {
			if text, local := needle(f.Key); !local {
				add(text)
			}
		}
	}
	return ns
}

// unusualRune is a character that an escape writes in a way matchEscaped
// does not follow (a surrogate pair, YAML's \N \_ \L \P, control
// characters), or that folding makes: a needle holding one makes every
// file matter.
func unusualRune(r rune) bool {
	return r < 0x20 || r == 0x7f || r == 0x85 || r == 0xa0 || r == 0x2028 || r == 0x2029 || r > 0xffff
}

// Keys are the texts of the file's fact keys that NeedleSet compares
// (group IDs, service names, client tokens), without repeats; a symbolic
// key local to the file has none.
func (fi *FileIndex) Keys() []string {
	var keys []string
	add := func(v string) {
		if v != "" && !slices.Contains(keys, v) {
			keys = append(keys, v)
		}
	}
	for _, f := range fi.Facts {
		if text, local := needle(f.Key); !local {
			add(text)
		}
	}
	return keys
}

// AnyKey reports whether a file whose index keys (FileIndex.Keys) are keys
// may hold an entry that Narrow keeps.
func (ns *NeedleSet) AnyKey(keys []string) bool {
	if ns.all {
		return true
	}
	for _, k := range keys {
		if slices.Contains(ns.needles, k) {
			return true
		}
	}
	return false
}

// HasKey is AnyKey for one key given as bytes (no allocation).
func (ns *NeedleSet) HasKey(k []byte) bool {
	if ns.all {
		return true
	}
	for _, n := range ns.needles {
		if string(k) == n {
			return true
		}
	}
	return false
}

// Nothing reports that the named files have no index entry: no other file
// can matter.
func (ns *NeedleSet) Nothing() bool { return !ns.all && len(ns.needles) == 0 }

// MayMatter reports whether a file's bytes may hold an entry that Narrow
// keeps.
func (ns *NeedleSet) MayMatter(data []byte) bool {
	if ns.all {
		return true
	}
	escapes := bytes.IndexByte(data, '\\') >= 0
	for _, n := range ns.needles {
		if bytes.Contains(data, []byte(n)) || (escapes && containsEscaped(data, n)) {
			return true
		}
	}
	return false
}

// containsEscaped reports whether data holds needle with any of its
// characters written as an escape sequence.
func containsEscaped(data []byte, needle string) bool {
	first, _ := utf8.DecodeRuneInString(needle)
	for i := 0; i < len(data); i++ {
		if (data[i] == '\\' || rune(data[i]) == first || data[i] >= utf8.RuneSelf) && matchEscaped(data[i:], needle) {
			return true
		}
	}
	return false
}

// matchEscaped reports whether data starts with needle, each character
// literal or escaped: any number of backslashes, then u+4, x+2 or U+8 hex
// digits, or the character itself (\/); an escaped line break (YAML's line
// continuation) and the indentation after it may come between characters.
func matchEscaped(data []byte, needle string) bool {
	i := 0
	for k := 0; k < len(needle); {
		want, wsize := utf8.DecodeRuneInString(needle[k:])
		if i >= len(data) {
			return false
		}
		if data[i] != '\\' {
			r, size := utf8.DecodeRune(data[i:])
			if r != want {
				return false
			}
			i, k = i+size, k+wsize
			continue
		}
		for i < len(data) && data[i] == '\\' {
			i++
		}
		if i >= len(data) {
			return false
		}
		digits := 0
		switch data[i] {
		case '\n':
			// A line continuation: the next line's indentation is
			// dropped too.
			for i++; i < len(data) && (data[i] == ' ' || data[i] == '\t'); i++ {
			}
			continue
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		}
		if digits == 0 {
			r, size := utf8.DecodeRune(data[i:])
			if r != want {
				return false
			}
			i, k = i+size, k+wsize
			continue
		}
		if i+1+digits > len(data) {
			return false
		}
		v, err := strconv.ParseUint(string(data[i+1:i+1+digits]), 16, 32)
		if err != nil || rune(v) != want {
			return false
		}
		i, k = i+1+digits, k+wsize
	}
	return true
}
