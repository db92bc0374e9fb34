package rules

import (
	"fmt"
	"sort"
	"strings"

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
}

// Exporter is what a FactKind's Export sees of one definition.
type Exporter struct {
	File     string
	Document int
	Root     *source.Node
	kind     *FactKind
	out      *facts.FileIndex
}

// Emit records a fact located at node at (the definition's root when nil).
func (e *Exporter) Emit(key string, at *source.Node, attrs ...string) {
	if at == nil {
		at = e.Root
	}
	e.out.Add(facts.Fact{Kind: e.kind.Name, Key: key, At: facts.LocOf(e.File, e.Document, at), Attrs: attrs})
}

// KeyOf is the value of a node as a fact key or attribute: its symbolic
// name when it is not known statically, else its text.
func KeyOf(n *source.Node) string {
	if n == nil {
		return ""
	}
	if n.Symbol != "" {
		return n.Symbol
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

// IndexParams are the top-level parameters some fact kind reads.
func IndexParams() []string {
	var out []string
	for _, k := range kinds {
		for _, p := range k.Params {
			if !containsString(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// IndexDefinition adds what one definition exports to fi. It runs after
// the definition's tree is normalised (JSON strings parsed, inner keys in
// their documented spelling, enum values canonical), so kinds read
// documented keys only.
func IndexDefinition(fi *facts.FileIndex, file string, doc int, op string, root *source.Node) {
	if root == nil || root.Kind != source.Object {
		return
	}
	for _, k := range kinds {
		if k.Op != "" && k.Op != op {
			continue
		}
		k.Export(&Exporter{File: file, Document: doc, Root: root, kind: k, out: fi})
	}
}

// PathShape is the form of a request path under which two paths route the
// same requests: every path parameter `[name]` becomes `[]`, because the
// parameter's name does not take part in routing. When EscapePathParam is
// true the brackets are literal text (reference B.1) and the path is its own
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
	if ix.IsReported(c.at(&c.entries[j]).File) {
		c.others[j] = append(c.others[j], earlier...)
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
