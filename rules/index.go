package rules

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// The project index: what cross-file rules need from every definition of a
// project. It keeps keys and positions only, never trees, so that it stays
// small for tens of thousands of files, and a file's part (FileIndex) is
// plain data that a result cache can store beside the file's diagnostics.

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

func locOf(file string, doc int, n *source.Node) Loc {
	return Loc{File: file, Document: doc, Pointer: intern(n.Pointer), Range: n.Range}
}

// interned holds one copy of each short string the index repeats (group
// and gateway IDs, methods, pointers such as /RequestConfig/RequestPath):
// the index of a 100,000-file project is kept for the whole run, and every
// byte of it is scanned by each garbage collection.
var interned sync.Map

// intern returns the shared copy of s. Longer strings are only cloned
// (they are rarely repeated); either way the result never points into the
// document it was read from.
func intern(s string) string {
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
	APIs     []APIEntry     `json:",omitempty"`
	Services []ServiceEntry `json:",omitempty"`
	Tokens   []TokenEntry   `json:",omitempty"`
}

// APIEntry is one CreateApi definition.
type APIEntry struct {
	GroupID string
	Name    string // ApiName; "" when absent
	NameAt  Loc    // the ApiName value (the document when absent)
	Method  string // RequestHttpMethod in upper case; "" when absent
	Path    string // RequestPath as written; "" when absent
	Shape   string // PathShape of Path
	PathAt  Loc    // the RequestPath value
}

// ServiceEntry is one item of a CreateService definition's serviceConfigs.
type ServiceEntry struct {
	GatewayID string // "" when absent
	Name      string
	At        Loc // the name value
}

// TokenEntry is the clientToken of one CreateService definition.
type TokenEntry struct {
	Token string
	At    Loc
}

// Compact reallocates the entry lists at their exact lengths: a file's
// part is kept for the whole run, and append leaves room to spare.
func (fi *FileIndex) Compact() {
	fi.APIs = slices.Clip(slices.Clone(fi.APIs))
	fi.Services = slices.Clip(slices.Clone(fi.Services))
	fi.Tokens = slices.Clip(slices.Clone(fi.Tokens))
}

// Empty reports whether the file contributes nothing to the index.
func (fi *FileIndex) Empty() bool {
	return len(fi.APIs) == 0 && len(fi.Services) == 0 && len(fi.Tokens) == 0
}

// IndexKeys are the top-level parameters IndexDefinition reads: a file read
// only for the index needs no more of its definitions normalised.
var IndexKeys = []string{"GroupId", "ApiName", "RequestConfig", "gatewayId", "serviceConfigs", "clientToken"}

// IndexDefinition adds what one definition contributes to fi. It runs after
// schema.Check has normalised the tree (JSON strings parsed, inner keys in
// their documented spelling, enum values canonical), so it reads documented
// keys only.
func IndexDefinition(fi *FileIndex, file string, doc int, op string, root *source.Node) {
	if root == nil || root.Kind != source.Object {
		return
	}
	// Values are copied (see intern): a parser may hand out substrings of
	// the whole document, which the index must not pin.
	str := func(n *source.Node, key string) string { return strings.Clone(n.Str(key)) }
	switch op {
	case "CreateApi":
		e := APIEntry{GroupID: intern(root.Str("GroupId")), Name: str(root, "ApiName"), NameAt: locOf(file, doc, root)}
		if n := root.Get("ApiName"); n != nil {
			e.NameAt = locOf(file, doc, n)
		}
		rc := root.Get("RequestConfig")
		e.Method = intern(strings.ToUpper(rc.Str("RequestHttpMethod")))
		if n := rc.Get("RequestPath"); n != nil {
			e.Path = strings.Clone(n.Scalar())
			e.PathAt = locOf(file, doc, n)
			e.Shape = PathShape(e.Path, rc.Get("EscapePathParam").IsTrue())
		}
		if e.GroupID != "" && (e.Name != "" || e.Path != "") {
			fi.APIs = append(fi.APIs, e)
		}
	case "CreateService":
		gateway := intern(root.Str("gatewayId"))
		if list := root.Get("serviceConfigs"); list != nil && list.Kind == source.Array {
			for _, item := range list.Items {
				if n := item.Get("name"); n != nil && n.Scalar() != "" {
					fi.Services = append(fi.Services, ServiceEntry{GatewayID: gateway, Name: strings.Clone(n.Scalar()), At: locOf(file, doc, n)})
				}
			}
		}
		if n := root.Get("clientToken"); n != nil && n.Scalar() != "" {
			fi.Tokens = append(fi.Tokens, TokenEntry{Token: strings.Clone(n.Scalar()), At: locOf(file, doc, n)})
		}
	}
}

// PathShape is the form of a request path under which two paths route the same
// requests: every path parameter `[name]` becomes `[]`, because the
// parameter's name does not take part in routing. When EscapePathParam is true
// the brackets are literal text (docs/sources.md#requestpath-format) and the
// path is its own shape. Case is kept: no source says the gateway matches
// paths ignoring case, and paths are case-sensitive in HTTP (RFC 3986), so
// /Users and /users are different paths here.
func PathShape(path string, escaped bool) string {
	if escaped || !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(path, '[')
		if open < 0 {
			break
		}
		end := strings.IndexByte(path[open:], ']')
		if end < 0 {
			break
		}
		b.WriteString(path[:open])
		b.WriteString("[]")
		path = path[open+end+1:]
	}
	b.WriteString(path)
	return b.String()
}

// Index is the project index: every file's entries, sorted in path order,
// and which files the run reports on.
type Index struct {
	APIs     []APIEntry
	Services []ServiceEntry
	Tokens   []TokenEntry
	// Reported says whether diagnostics located in a file are shown; in a
	// partial run (some files named, the whole project indexed) only the
	// named ones are. nil = every file.
	Reported func(file string) bool
	// BothSides reports a clash between entries of two reported files on
	// both, each pointing at the other (the editor: the file being typed
	// in shows the clash too); otherwise only the later entry gets it.
	BothSides bool
}

// NewIndex merges files' parts into a project index.
func NewIndex(files []FileIndex, reported func(file string) bool) *Index {
	ix := &Index{Reported: reported}
	var apis, services, tokens int
	for i := range files {
		apis += len(files[i].APIs)
		services += len(files[i].Services)
		tokens += len(files[i].Tokens)
	}
	ix.APIs = make([]APIEntry, 0, apis)
	ix.Services = make([]ServiceEntry, 0, services)
	ix.Tokens = make([]TokenEntry, 0, tokens)
	for i := range files {
		ix.APIs = append(ix.APIs, files[i].APIs...)
		ix.Services = append(ix.Services, files[i].Services...)
		ix.Tokens = append(ix.Tokens, files[i].Tokens...)
	}
	sort.SliceStable(ix.APIs, func(i, j int) bool { return ix.APIs[i].NameAt.Before(ix.APIs[j].NameAt) })
	sort.SliceStable(ix.Services, func(i, j int) bool { return ix.Services[i].At.Before(ix.Services[j].At) })
	sort.SliceStable(ix.Tokens, func(i, j int) bool { return ix.Tokens[i].At.Before(ix.Tokens[j].At) })
	return ix
}

// Narrow returns, of the index entries of files a partial run does not
// report on (others), those that can take part in a clash with an entry of
// a reported file (named), as one part for NewIndex. Every project rule
// compares CreateApi definitions only within one group, services only by
// name and tokens only by token, and reports only clashes that touch a
// reported file, so an entry of another group, service name or token than
// every reported entry cannot change a diagnostic; a partial run in a
// large project then runs the rules over a few entries instead of all of
// them. A project rule that compares by anything else must widen this
// (TestNarrowKeepsDiagnostics in internal/lint compares narrowed and whole
// runs).
func Narrow(named, others []FileIndex) FileIndex {
	groups, names, tokens := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range named {
		for _, e := range named[i].APIs {
			groups[e.GroupID] = true
		}
		for _, e := range named[i].Services {
			names[e.Name] = true
		}
		for _, e := range named[i].Tokens {
			tokens[e.Token] = true
		}
	}
	var out FileIndex
	for i := range others {
		for _, e := range others[i].APIs {
			if groups[e.GroupID] {
				out.APIs = append(out.APIs, e)
			}
		}
		for _, e := range others[i].Services {
			if names[e.Name] {
				out.Services = append(out.Services, e)
			}
		}
		for _, e := range others[i].Tokens {
			if tokens[e.Token] {
				out.Tokens = append(out.Tokens, e)
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
		for _, e := range named[i].APIs {
			add(e.GroupID)
		}
		for _, e := range named[i].Services {
			add(e.Name)
		}
		for _, e := range named[i].Tokens {
			add(e.Token)
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

// Keys are the values of the file's entries that Narrow and NeedleSet
// compare (group IDs, service names, client tokens), without repeats.
func (fi *FileIndex) Keys() []string {
	var keys []string
	add := func(v string) {
		if v != "" && !slices.Contains(keys, v) {
			keys = append(keys, v)
		}
	}
	for _, e := range fi.APIs {
		add(e.GroupID)
	}
	for _, e := range fi.Services {
		add(e.Name)
	}
	for _, e := range fi.Tokens {
		add(e.Token)
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

func (ix *Index) reported(file string) bool {
	return ix.Reported == nil || ix.Reported(file)
}

// maxRelated bounds the related locations of one diagnostic; the message
// still counts all of them.
const maxRelated = 10

// clashes collects the clashes of one rule and reports them. A clash of a
// later entry with earlier ones (in path order) is reported on the later
// location, with the earlier ones as related locations. In a partial run a
// clash between a named file and an untouched one must still be seen when
// the untouched file is the later one, so when the later entry's file is
// not reported on, the clash goes on each earlier entry whose file is,
// with the later entry as related. One location gets one diagnostic per
// rule, listing everything it clashes with.
type clashes[E any] struct {
	p       *ProjectContext
	entries []E
	at      func(*E) Loc
	others  map[int][]int // main entry -> entries it clashes with
}

func newClashes[E any](p *ProjectContext, entries []E, at func(*E) Loc) *clashes[E] {
	return &clashes[E]{p: p, entries: entries, at: at, others: map[int][]int{}}
}

// add records that entry j clashes with the earlier entries.
func (c *clashes[E]) add(j int, earlier []int) {
	if len(earlier) == 0 {
		return
	}
	ix := c.p.Index
	if later := c.at(&c.entries[j]).File; ix.reported(later) {
		c.others[j] = append(c.others[j], earlier...)
		if ix.BothSides {
			for _, i := range earlier {
				if f := c.at(&c.entries[i]).File; f != later && ix.reported(f) {
					c.others[i] = append(c.others[i], j)
				}
			}
		}
		return
	}
	for _, i := range earlier {
		if ix.reported(c.at(&c.entries[i]).File) {
			c.others[i] = append(c.others[i], j)
		}
	}
}

// report emits the diagnostics, in entry order. message gets every entry
// the main one clashes with; note describes one related location.
func (c *clashes[E]) report(message func(main *E, others []*E) string, note func(other *E) string) {
	mains := make([]int, 0, len(c.others))
	for i := range c.others {
		mains = append(mains, i)
	}
	sort.Ints(mains)
	for _, m := range mains {
		idx := c.others[m]
		sort.Ints(idx)
		others := make([]*E, 0, len(idx))
		var related []diag.Related
		for k, i := range idx {
			if k > 0 && i == idx[k-1] {
				continue
			}
			others = append(others, &c.entries[i])
			if len(related) < maxRelated {
				l := c.at(&c.entries[i])
				related = append(related, diag.Related{File: l.File, Range: l.Range, Message: note(&c.entries[i])})
			}
		}
		c.p.Report(c.at(&c.entries[m]), message(&c.entries[m], others), related...)
	}
}

// sameKey reports every entry whose key equals that of an earlier entry,
// against the first entry with that key. Entries with an empty key are
// skipped.
func sameKey[E any](p *ProjectContext, entries []E, at func(*E) Loc, key func(*E) string,
	message func(main *E, others []*E) string, note func(other *E) string) {
	c := newClashes(p, entries, at)
	first := map[string]int{}
	for j := range entries {
		k := key(&entries[j])
		if k == "" {
			continue
		}
		if i, seen := first[k]; seen {
			c.add(j, []int{i})
		} else {
			first[k] = j
		}
	}
	c.report(message, note)
}

// others describes how many other definitions a clash involves.
func othersWord(n int, what string) string {
	if n == 1 {
		return "another " + what
	}
	return fmt.Sprintf("%d other %ss", n, what)
}
