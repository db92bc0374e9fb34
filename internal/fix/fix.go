// Package fix applies the suggested fixes diagnostics carry (diag.Fix) to
// a file's bytes, and shows the result as a unified diff. It chooses and
// applies edits; it does not lint, read or write files (package fixer,
// lint --fix, does; the editor applies the same edits through its own
// protocol).
package fix

import (
	"slices"
	"sort"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Pass is what one pass of Apply did.
type Pass struct {
	Applied  int // fixes applied
	Deferred int // fixes left for the next pass: they overlap one applied
}

// Apply applies to src, in one pass, the first fix of each diagnostic
// that is Safe (or any, with unsafe), except those whose edits overlap an
// edit already chosen: they are counted in Deferred and wait for the next
// pass, when the diagnostic is found again on the new text. A fix whose
// edits are all equal to chosen ones is already made by them. Diagnostics
// are taken in their order (sorted: top of the file first). Edits outside
// src are ignored (a fix computed on other content). The result is a new
// slice; src is not changed.
func Apply(src []byte, diags []diag.Diagnostic, unsafe bool) ([]byte, Pass) {
	fixes, p := Choose(diags, unsafe, func(edits []diag.Edit) bool { return inside(edits, len(src)) })
	if len(fixes) == 0 {
		return src, p
	}
	var chosen []diag.Edit
	for _, f := range fixes {
		chosen = append(chosen, f.Edits...)
	}
	return edit(src, chosen), p
}

// Choose picks the fixes one pass applies, as Apply does (the editor's
// "fix all" takes the same): the first fix of each diagnostic that is
// Safe (or any, with unsafe) and that can be made (ok), in the order of
// the diagnostics, except those whose edits overlap an edit already
// chosen (Deferred) or are all equal to chosen ones (already made).
func Choose(diags []diag.Diagnostic, unsafe bool, ok func([]diag.Edit) bool) ([]*diag.Fix, Pass) {
	var taken editSet
	var out []*diag.Fix
	var p Pass
	for i := range diags {
		f := first(diags[i].Fixes, unsafe)
		if f == nil || !ok(f.Edits) {
			continue
		}
		switch taken.relation(f.Edits) {
		case same:
			continue
		case clash:
			p.Deferred++
			continue
		}
		taken.add(f.Edits)
		out = append(out, f)
		p.Applied++
	}
	return out, p
}

// Fixable tells which of the fixes a diagnostic carries Apply would take:
// a safe one, else (with unsafe) any.
func Fixable(d *diag.Diagnostic, unsafe bool) bool { return first(d.Fixes, unsafe) != nil }

func first(fixes []diag.Fix, unsafe bool) *diag.Fix {
	for i := range fixes {
		if len(fixes[i].Edits) > 0 && (fixes[i].Safe || unsafe) {
			return &fixes[i]
		}
	}
	return nil
}

func inside(edits []diag.Edit, n int) bool {
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > n {
			return false
		}
	}
	return true
}

type relation uint8

const (
	apart relation = iota
	same           // every edit is one already chosen
	clash          // an edit overlaps a chosen one
)

// editSet is the edits chosen so far, sorted by start then end. No two of
// them clash, so their ends are sorted too, and the ones an edit can
// clash with are found by binary search: a file with many thousands of
// fixes is answered at once, not in seconds.
type editSet []diag.Edit

// relation tells how edits relate to the chosen ones. Two insertions at
// one offset clash (their order would be a guess), as does an insertion
// at the start of a replaced range; one at its end does not.
func (s editSet) relation(edits []diag.Edit) relation {
	equal := 0
	for _, e := range edits {
		// The first chosen edit that ends at or after e starts; those
		// before it end before e starts.
		for i := sort.Search(len(s), func(i int) bool { return s[i].End >= e.Start }); i < len(s) && s[i].Start <= e.End; i++ {
			t := s[i]
			if e == t {
				equal++
				break
			}
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start && (e.Start == e.End || t.Start == t.End) {
				return clash
			}
		}
	}
	switch equal {
	case 0:
		return apart
	case len(edits):
		return same
	}
	return clash
}

// add inserts edits that do not overlap the set.
func (s *editSet) add(edits []diag.Edit) {
	for _, e := range edits {
		i := sort.Search(len(*s), func(i int) bool {
			t := (*s)[i]
			return t.Start > e.Start || t.Start == e.Start && t.End > e.End
		})
		*s = slices.Insert(*s, i, e)
	}
}

// edit applies edits that do not overlap.
func edit(src []byte, edits []diag.Edit) []byte {
	es := append([]diag.Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	size := len(src)
	for _, e := range es {
		size += len(e.NewText) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	at := 0
	for _, e := range es {
		out = append(out, src[at:e.Start]...)
		out = append(out, e.NewText...)
		at = e.End
	}
	return append(out, src[at:]...)
}
