package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Cross-file rules declare the facts they read (FactKind): which
// definitions export them, from which top-level parameters, and how. The
// engine (internal/facts) stores them per file, caches them, narrows them
// for partial runs and hands the merged lists to CheckProject. A new
// cross-file rule is one file: its FactKind and its check.

// Loc and Fact are the engine's.
type (
	Loc       = facts.Loc
	Fact      = facts.Fact
	FileIndex = facts.FileIndex
	Index     = facts.Index
)

// FactKind is one family of facts.
type FactKind struct {
	Name string
	Op   string // the operation whose definitions export it
	// Params are the top-level parameters Export reads: a file read only
	// for the project index has no more of its definitions normalised.
	Params []string
	// Export reads one normalised definition and emits its facts.
	Export func(e *Exporter)
	// SharedKeys says that many definitions share a key (a group ID), so
	// keys are interned; otherwise (service names, tokens) copied.
	SharedKeys bool
}

// Exporter is what a FactKind's Export sees of one definition.
type Exporter struct {
	File     string
	Document int
	Root     *source.Node
	kind     *FactKind
	out      *facts.FileIndex
	// copies holds the copy of each value emitted for this definition:
	// the index is kept for the whole run, and must neither pin the
	// document it was read from nor hold one value twice (a name in two
	// facts).
	copies []string
}

// Emit records a fact located at node at (the definition's root when nil).
// The key is interned when the kind's keys are shared by many definitions
// (SharedKeys); short attributes (methods) are interned, the rest copied.
func (e *Exporter) Emit(key string, at *source.Node, attrs ...string) {
	if at == nil {
		at = e.Root
	}
	if e.kind.SharedKeys {
		key = facts.Intern(key)
	} else {
		key = e.copy(key)
	}
	for i, a := range attrs {
		if len(a) <= 8 {
			attrs[i] = facts.Intern(a)
		} else {
			attrs[i] = e.copy(a)
		}
	}
	e.out.Facts = append(e.out.Facts, facts.Fact{Kind: e.kind.Name, Key: key, At: facts.LocOf(e.File, e.Document, at), Attrs: attrs})
}

// EmitFor is Emit keyed by the value of a node: its KeyOf, and, for a
// symbolic key, where it comes from (source.Node.Origin).
func (e *Exporter) EmitFor(keyNode, at *source.Node, attrs ...string) {
	before := len(e.out.Facts)
	e.Emit(KeyOf(keyNode), at, attrs...)
	if len(e.out.Facts) > before {
		e.out.Facts[before].Origin = keyNode.Origin()
	}
}

func (e *Exporter) copy(s string) string {
	for _, c := range e.copies {
		if c == s {
			return c
		}
	}
	c := strings.Clone(s)
	e.copies = append(e.copies, c)
	return c
}

// KeyOf is the value of a node as a fact key or attribute: its symbolic
// name when it is not known statically, else its text.
func KeyOf(n *source.Node) string {
	if n == nil {
		return ""
	}
	if n.Symbol() != "" {
		return n.Symbol()
	}
	return n.Scalar()
}

// factKinds lists the distinct fact kinds of the registry, in order.
func factKinds() []*FactKind {
	var out []*FactKind
	for _, r := range registry {
		if r.Facts != nil && !containsKind(out, r.Facts) {
			out = append(out, r.Facts)
		}
	}
	return out
}

func containsKind(list []*FactKind, k *FactKind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

var kinds = factKinds()

// IndexParams are the top-level parameters some fact kind reads (the
// same slice every time: do not change it).
func IndexParams() []string { return indexParams }

var indexParams = func() []string {
	var out []string
	for _, k := range kinds {
		for _, p := range k.Params {
			if !containsString(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}()

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// exporters are reused: one is needed per definition, and a project has
// hundreds of thousands.
var exporters = sync.Pool{New: func() any { return new(Exporter) }}

// IndexDefinition adds what one definition exports to fi. It runs after
// the definition's tree is normalised (JSON strings parsed, inner keys in
// their documented spelling, enum values canonical), so kinds read
// documented keys only.
func IndexDefinition(fi *facts.FileIndex, file string, doc int, op string, root *source.Node) {
	if root == nil || root.Kind != source.Object {
		return
	}
	e := exporters.Get().(*Exporter)
	*e = Exporter{File: file, Document: doc, Root: root, out: fi, copies: e.copies[:0]}
	for _, k := range kinds {
		if k.Op != "" && k.Op != op {
			continue
		}
		e.kind = k
		k.Export(e)
	}
	clear(e.copies)
	*e = Exporter{copies: e.copies[:0]}
	exporters.Put(e)
}

// PathShape is the form of a request path under which two paths route the
// same requests: every path parameter `[name]` becomes `[]`, because the
// parameter's name does not take part in routing. When EscapePathParam is
// true the brackets are literal text (docs/sources.md#requestpath-format) and the path is its own
// shape. Case is kept: no source says the gateway matches paths ignoring
// case, and paths are case-sensitive in HTTP (RFC 3986), so /Users and
// /users are different paths here.
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
	if later := c.at(&c.entries[j]).File; ix.IsReported(later) {
		c.others[j] = append(c.others[j], earlier...)
		if ix.BothSides {
			for _, i := range earlier {
				if f := c.at(&c.entries[i]).File; f != later && ix.IsReported(f) {
					c.others[i] = append(c.others[i], j)
				}
			}
		}
		return
	}
	for _, i := range earlier {
		if ix.IsReported(c.at(&c.entries[i]).File) {
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
		if f, ok := any(&c.entries[m]).(*Fact); ok && f.Origin != (diag.Range{}) {
			// A symbolic key: where it comes from (the template's group
			// resource) explains why the two are in one group.
			related = append(related, diag.Related{File: f.At.File, Range: f.Origin,
				Message: diag.Sprintf("%s is this resource", facts.Readable(f.Key))})
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
