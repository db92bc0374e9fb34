package lsp

import (
	"encoding/json"
	"github.com/apigwlint/apigwlint/internal/fix"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Code actions and go-to-definition answer from the server's own last
// lint of a document (Server.results), never from what the client sends
// back: the fixes are the linter's, the edits are computed on the text
// that was linted, and a document changed since then gets none (its edits
// would land in the wrong place; the next lint brings fresh ones).

// fixAllTitle names the source action that applies every safe fix.
const fixAllTitle = "Fix all safe problems in this file"

// current returns the last lint result of an open document if it was
// computed from the document's present text, else nil.
func (s *Server) current(uri string) *lintResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.currentLocked(uri)
}

func (s *Server) currentLocked(uri string) *lintResult {
	d, r := s.docs[uri], s.results[uri]
	// Every change and every save that alters the text makes a new
	// text, so the pointer tells whether this is what was linted.
	if d == nil || r == nil || r.text != d.text {
		return nil
	}
	return r
}

// codeActions answers textDocument/codeAction: a quick fix for each fix of
// each diagnostic the range touches (or the client names), and the fix-all
// source action when the file has safe fixes.
func (s *Server) codeActions(p codeActionParams) []CodeAction {
	actions := []CodeAction{}
	uri := p.TextDocument.URI
	r := s.current(uri)
	if r == nil {
		return actions
	}
	if before(p.Range.End, p.Range.Start) {
		p.Range.Start, p.Range.End = p.Range.End, p.Range.Start
	}
	named := clientDiagnostics(p.Context.Diagnostics)
	if wantKind(p.Context.Only, kindQuickFix) {
		for i, ld := range r.lsp {
			if !touches(ld.Range, p.Range) && !named[diagID{ld.Range, ld.Code, ld.Message}] {
				continue
			}
			for _, fix := range r.diags[i].Fixes {
				edits, ok := r.text.textEdits(fix.Edits)
				if !ok {
					continue
				}
				title := fix.Message
				if !fix.Safe {
					title += " (unsafe)"
				}
				actions = append(actions, CodeAction{
					Title:       title,
					Kind:        kindQuickFix,
					Diagnostics: []Diagnostic{ld},
					IsPreferred: fix.Safe,
					Edit:        s.workspaceEdit(uri, r.version, edits),
				})
			}
		}
	}
	if wantKind(p.Context.Only, kindFixAll) {
		if edits := fixAll(r); len(edits) > 0 {
			actions = append(actions, CodeAction{Title: fixAllTitle, Kind: kindFixAll, Edit: s.workspaceEdit(uri, r.version, edits)})
		}
	}
	return actions
}

// fixAll gathers the edits of the fixes one pass of `apigwlint lint --fix`
// would apply (internal/fix.Choose, safe fixes only): a fix that overlaps
// one already taken waits for the next lint, one that makes exactly the
// same edits is already made; a fix whose edits cannot be expressed in
// the document's positions is left out.
func fixAll(r *lintResult) []textEdit {
	fixes, _ := fix.Choose(r.diags, false, func(edits []diag.Edit) bool {
		_, ok := r.text.textEdits(edits)
		return ok
	})
	var out []textEdit
	for _, f := range fixes {
		edits, _ := r.text.textEdits(f.Edits)
		out = append(out, edits...)
	}
	sort.SliceStable(out, func(i, j int) bool { return before(out[i].Range.Start, out[j].Range.Start) })
	return out
}

func (s *Server) workspaceEdit(uri string, version int, edits []textEdit) *WorkspaceEdit {
	if s.documentChanges {
		return &WorkspaceEdit{DocumentChanges: []TextDocumentEdit{{
			TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: version},
			Edits:        edits,
		}}}
	}
	return &WorkspaceEdit{Changes: map[string][]textEdit{uri: edits}}
}

// wantKind tells whether a code action of kind is asked for by only (the
// client's filter: a kind and its sub-kinds; none = all).
func wantKind(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

// touches tells whether a diagnostic's range meets the requested range
// (ends included: a cursor just after a word is on it).
func touches(d, req Range) bool {
	return !before(req.End, d.Start) && !before(d.End, req.Start)
}

func before(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

func rangeHas(r Range, p Position) bool {
	return !before(p, r.Start) && !before(r.End, p)
}

// diagID identifies a published diagnostic in what a client sends back.
type diagID struct {
	r       Range
	code    string
	message string
}

// clientDiagnostics are the apigwlint diagnostics a code action request
// names, as keys to match the server's own against; anything else a
// client sends (other servers' diagnostics, any shape) matches nothing.
func clientDiagnostics(raw []json.RawMessage) map[diagID]bool {
	named := map[diagID]bool{}
	for _, m := range raw {
		var d struct {
			Range   Range  `json:"range"`
			Code    any    `json:"code"`
			Source  string `json:"source"`
			Message string `json:"message"`
		}
		if json.Unmarshal(m, &d) != nil || d.Source != "apigwlint" {
			continue
		}
		code, _ := d.Code.(string)
		named[diagID{d.Range, code, d.Message}] = true
	}
	return named
}

// definition answers textDocument/definition on a diagnostic with related
// locations: the cursor goes to them (the other file of a clash, the
// first of two duplicate keys). A cross-file finding reported on one side
// only is followed from the other side too: a position inside another
// open document's related location goes to that document's diagnostic.
func (s *Server) definition(uri string, pos Position) []Location {
	s.mu.Lock()
	own := s.currentLocked(uri)
	var others []string
	for u := range s.results {
		if u != uri && s.currentLocked(u) != nil {
			others = append(others, u)
		}
	}
	sort.Strings(others)
	otherResults := make([]*lintResult, len(others))
	for i, u := range others {
		otherResults[i] = s.results[u]
	}
	s.mu.Unlock()
	if own == nil {
		return nil
	}
	var out []Location
	seen := map[Location]bool{}
	add := func(l Location) {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	for _, ld := range own.lsp {
		if !rangeHas(ld.Range, pos) {
			continue
		}
		for _, rel := range ld.RelatedInformation {
			add(rel.Location)
		}
	}
	for i, r := range otherResults {
		for _, ld := range r.lsp {
			for _, rel := range ld.RelatedInformation {
				if rel.Location.URI == uri && rangeHas(rel.Location.Range, pos) {
					add(Location{URI: others[i], Range: ld.Range})
				}
			}
		}
	}
	return out
}
