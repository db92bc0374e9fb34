// Package frontend is the seam between the files teams keep and the
// engine: a front-end recognises one format (request files, ROS templates,
// Serverless Devs s.yaml, …) and turns each definition in a file into the
// request parameters of one gateway operation, with positions in the
// original file. The engine (internal/lint), the project index and the
// editor (internal/lsp) all load files through the one registry
// (internal/frontend/registry); nothing else detects or normalises a
// format. A new format is one package with one Frontend value, added to
// the registry.
package frontend

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Frontend reads one format.
type Frontend struct {
	// Name identifies the format ("request", "ros", "serverless-devs").
	Name string
	// Match reports whether a file is in this format, from its path and
	// content. It must be cheap: it runs on every file of a walk.
	Match func(path string, data []byte) bool
	// Load reads a file and hands each definition to each, in file order,
	// as soon as it is read (the trees of a large file are never all held
	// at once). each must not keep the *Definition itself (a front-end may
	// reuse it for the next one), only what it holds. The returned File has the loader's problems (syntax,
	// encoding, limits) and the text for snippets.
	Load func(path string, data []byte, each func(*Definition)) *source.File
	// LoadAt, when set, is Load for a format whose files are read with
	// other files of their directory (a Terraform module's variables,
	// a plan's configuration): real is where the file is on disk
	// (display is how it is shown). Such a file's result depends on
	// more than its bytes, so the engine never caches it by content.
	LoadAt func(real, display string, data []byte, each func(*Definition)) *source.File
	// Context, for a format with LoadAt, names the other files a result
	// depends on (their names, sizes and modification times), so that
	// the result can be cached under its content and that; ok is false
	// when it cannot say (the result is then never cached). nil = never
	// cached.
	Context func(real string) (ctx []byte, ok bool)
	// Companions, when set, lists the files (real paths) whose results
	// a change to the file at real may change, to be checked with it when
	// it is named alone (a Terraform module's other configuration files
	// for a staged variables file); nil or empty for none. It is asked
	// about every named file, whatever its format.
	Companions func(real string) []string
	// MayCompute reports whether a file's values may be computed from
	// several pieces of its text (a template's Fn::Join, a ${var} inside
	// a longer string): then a value need not appear in the bytes as it
	// is, and a partial run cannot rule the file out by its bytes (see
	// facts.NeedleSet). nil = values are written as they are.
	MayCompute func(data []byte) bool
	// Spelling is how this format writes the parameter name of op at
	// pointer (an object of the definition, in request-parameter terms),
	// for the editor's completion; ok is false when the format has no
	// such property. nil = as the parameter is named.
	Spelling func(op, pointer, name string) (spelled string, ok bool)
}

// Definition is one definition found in a file.
type Definition struct {
	// Op is the operation (schema.Operations); "" when Problem says why
	// a document is not a definition.
	Op string
	// Root is the definition in the operation's request parameters:
	// documented top-level keys, the rest as written (the schema check
	// normalises inner keys, JSON strings and enum values). Its nodes
	// keep their ranges in the original file; pointers are relative to
	// the definition. A value not known statically has Symbol set, one a
	// tool fills in has Implicit set: neither is ever reported.
	Root *source.Node
	// Doc is the index reported in diagnostics: the YAML document or JSON
	// array element of a request file, the definition's ordinal in a
	// template.
	Doc int
	// Diags are the front-end's own findings on this definition (an
	// unknown property of a template resource, …).
	Diags []diag.Diagnostic
	// Problem, with Op "", says why a document holds no definition
	// (not-a-definition is reported only for a file named explicitly;
	// anything else always).
	Problem *diag.Diagnostic
	// File, when set, is the file (as shown) that Root's positions are
	// in, when it is not the file read: a plan's resource placed at its
	// block in the .tf file it was planned from.
	File string
	// Label names the definition in its diagnostics' messages (a plan's
	// resource address); "" = no prefix.
	Label string
	// Origin, with File set, is where the definition is in the file read
	// (a related location of its diagnostics).
	Origin diag.Range
	// MaySymbolic is set by front-ends that may put Symbol or Implicit
	// nodes in Root: the engine then keeps rules quiet about them.
	MaySymbolic bool
	// Src is the file read, whose text the nodes' ranges point into:
	// the schema check and the rules compute suggested fixes on it (edits
	// in offsets of Src.Src, as a front-end's own Diags do too; the
	// engine maps them to the bytes as read). nil: no fixes are offered.
	Src *source.File
}

// Unchecked lists the pointers of Root's symbolic and implicit values.
func (d *Definition) Unchecked() []string {
	if !d.MaySymbolic {
		return nil
	}
	var out []string
	d.Root.Walk(func(n *source.Node) bool {
		if n.Symbol() != "" || n.Implicit {
			out = append(out, n.Pointer)
			return false
		}
		return true
	})
	return out
}

// SymbolicAt is a value that is not known statically, standing where site
// stands in the file: a string without value, named by key (a symbolic
// fact key, facts.Symbolic).
func SymbolicAt(site *source.Node, key string) *source.Node {
	n := &source.Node{Kind: source.String, Range: site.Range, KeyRange: site.KeyRange}
	n.SetSymbol(key)
	return n
}

// Clone copies a tree (a parameter's default used at several places must
// not be changed by the normalisation of one of them).
func Clone(n *source.Node) *source.Node {
	if n == nil {
		return nil
	}
	c := *n
	if n.Fields != nil {
		c.Fields = make([]*source.Field, len(n.Fields))
		for i, f := range n.Fields {
			fc := *f
			fc.Value = Clone(f.Value)
			c.Fields[i] = &fc
		}
	}
	if n.Items != nil {
		c.Items = make([]*source.Node, len(n.Items))
		for i, it := range n.Items {
			c.Items[i] = Clone(it)
		}
	}
	return &c
}

// NotDefinition is the diagnostic for a document that no front-end reads
// as a definition.
func NotDefinition(file string, doc int, r diag.Range, msg string) *diag.Diagnostic {
	return &diag.Diagnostic{File: file, Range: r, Severity: diag.Error, Rule: "not-a-definition", Message: msg, Document: doc}
}
