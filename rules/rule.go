// Package rules holds the rule catalog of apigwlint: every check has a
// stable id, a default severity, the operation it applies to and a
// document (summary, why it matters, a failing and a passing example).
//
// A rule is a value. Per-definition rules get one definition through a
// Context and report diagnostics; cross-file rules get the project index.
// Rules do not format, sort, filter or print: the engine does that. The
// registry is one explicit list (registry.go), with no init() side effects.
package rules

import (
	"slices"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Kind says where a rule's diagnostics come from.
type Kind uint8

const (
	// Builtin diagnostics are produced by the loader or the schema
	// validator; the rule exists for its id, severity and documentation.
	Builtin Kind = iota
	// Definition rules look at one definition at a time.
	Definition
	// Project rules look at all definitions of the project.
	Project
)

// Doc documents a rule for `apigwlint explain` and the rule reference.
type Doc struct {
	Summary string // one line, what fires it
	Why     string // why it matters, with the source of the fact
	Bad     string // a definition (YAML) on which the rule fires
	Good    string // a close definition on which it does not
	// BadFiles/GoodFiles are used instead of Bad/Good by project rules:
	// several files, keyed by path.
	BadFiles  map[string]string
	GoodFiles map[string]string
	// Fix says what suggested fix the rule's diagnostics carry; the zero
	// value: none.
	Fix FixDoc
}

// FixSafety says whether a rule's fix is applied by `lint --fix`.
type FixSafety uint8

const (
	NoFix     FixSafety = iota
	SafeFix             // always safe: lint --fix applies it
	UnsafeFix           // needs a choice: only with --unsafe-fixes (and in the editor)
	// SometimesSafe: safe in the cases Text names, unsafe (or no fix) in
	// the others.
	SometimesSafe
)

func (s FixSafety) String() string {
	return [...]string{"none", "safe", "unsafe", "safe or unsafe"}[s]
}

// FixDoc documents a rule's fix.
type FixDoc struct {
	Safety FixSafety
	Text   string // what the fix does, and when it is safe
}

// Rule is one check.
type Rule struct {
	ID       string
	Severity diag.Severity // default severity; Off = disabled unless configured
	Op       string        // "CreateApi", "CreateService" or "" for any
	Kind     Kind
	Doc      Doc
	// Check runs on one definition (Kind == Definition).
	Check func(c *Context)
	// CheckProject runs on the whole project (Kind == Project), over the
	// facts of Facts (and of any other kind it names).
	CheckProject func(p *ProjectContext)
	// Facts is the kind of cross-file facts a project rule reads; the
	// engine has every definition of Op export them.
	Facts *FactKind
}

// Context is what a definition rule sees of one definition.
type Context struct {
	File     string
	Document int
	Op       string
	Root     *source.Node
	// Src is the file the definition is read from, for suggested fixes
	// (see Fix); nil: none are offered.
	Src  *source.File
	rule *Rule
	out  *[]diag.Diagnostic
}

// NewContext prepares a context; the engine calls it once per definition.
func NewContext(file string, doc int, op string, root *source.Node, out *[]diag.Diagnostic) *Context {
	return &Context{File: file, Document: doc, Op: op, Root: root, out: out}
}

// Run runs one rule on this definition.
func (c *Context) Run(r *Rule) {
	c.rule = r
	r.Check(c)
}

// Report records a diagnostic at a range.
func (c *Context) Report(r diag.Range, pointer, format string, args ...any) *diag.Diagnostic {
	*c.out = append(*c.out, diag.Diagnostic{
		File: c.File, Range: r, Severity: c.rule.Severity, Rule: c.rule.ID,
		Message: diag.Sprintf(format, args...), Document: c.Document, Pointer: pointer,
	})
	return &(*c.out)[len(*c.out)-1]
}

// ReportNode records a diagnostic on a node's value.
func (c *Context) ReportNode(n *source.Node, format string, args ...any) *diag.Diagnostic {
	return c.Report(n.Range, n.Pointer, format, args...)
}

// ReportKey records a diagnostic on the key holding a node (falling back to
// the value when it has no key).
func (c *Context) ReportKey(n *source.Node, format string, args ...any) *diag.Diagnostic {
	r := n.KeyRange
	if r == (diag.Range{}) {
		r = n.Range
	}
	return c.Report(r, n.Pointer, format, args...)
}

// Fix attaches a suggested fix to a diagnostic when every edit could be
// made (each ok); the edits come from the helpers of source.File (on
// c.Src), which refuse whatever they cannot change exactly. Safe fixes
// come first (lint --fix applies the first fix it may).
func (c *Context) Fix(d *diag.Diagnostic, msg string, safe bool, edits ...source.FixEdit) {
	if d == nil || len(edits) == 0 {
		return
	}
	f := diag.Fix{Message: msg, Safe: safe}
	for _, e := range edits {
		if !e.OK {
			return
		}
		f.Edits = append(f.Edits, e.Edit)
	}
	at := len(d.Fixes)
	if safe {
		for at > 0 && !d.Fixes[at-1].Safe {
			at--
		}
	}
	d.Fixes = slices.Insert(d.Fixes, at, f)
}

// Related adds another location in the same file to a diagnostic.
func (c *Context) Related(d *diag.Diagnostic, r diag.Range, msg string) {
	d.Related = append(d.Related, diag.Related{File: c.File, Range: r, Message: msg})
}

// ProjectContext is what a project rule sees.
type ProjectContext struct {
	Index *Index
	rule  *Rule
	out   *[]diag.Diagnostic
}

// NewProjectContext prepares a project context.
func NewProjectContext(ix *Index, out *[]diag.Diagnostic) *ProjectContext {
	return &ProjectContext{Index: ix, out: out}
}

// Run runs one project rule.
func (p *ProjectContext) Run(r *Rule) {
	p.rule = r
	r.CheckProject(p)
}

// Report records a diagnostic at a location, with related locations.
func (p *ProjectContext) Report(at Loc, msg string, related ...diag.Related) {
	*p.out = append(*p.out, diag.Diagnostic{
		File: at.File, Range: at.Range, Severity: p.rule.Severity, Rule: p.rule.ID,
		Message: msg, Document: at.Document, Pointer: at.Pointer, Related: related,
	})
}
