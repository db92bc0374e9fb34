// Package fix applies the suggested fixes diagnostics carry (diag.Fix) to
// a file's bytes, and shows the result as a unified diff. It chooses and
// applies edits; it does not lint, read or write files (package fixer,
// lint --fix, does; the editor applies the same edits through its own
// protocol).
package fix

import (
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
	var chosen []diag.Edit
	var p Pass
	for _, d := range diags {
		f := first(d.Fixes, unsafe)
		if f == nil || !inside(f.Edits, len(src)) {
			continue
		}
		switch overlap(chosen, f.Edits) {
		case same:
			continue
		case clash:
			p.Deferred++
			continue
		}
		chosen = append(chosen, f.Edits...)
		p.Applied++
	}
	if len(chosen) == 0 {
		return src, p
	}
	return edit(src, chosen), p
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

// overlap tells how edits relate to the chosen ones. Two insertions at
// one offset clash (their order would be a guess); an insertion at the
// end of a replaced range does not.
func overlap(chosen, edits []diag.Edit) relation {
	equal := 0
	for _, e := range edits {
		for _, c := range chosen {
			if e == c {
				equal++
				break
			}
			if e.Start < c.End && c.Start < e.End || e.Start == c.Start && (e.Start == e.End || c.Start == c.End) {
				return clash
			}
		}
	}
	if equal == len(edits) {
		return same
	}
	if equal > 0 {
		return clash
	}
	return apart
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
