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
	// at once). The returned File has the loader's problems (syntax,
	// encoding, limits) and the text for snippets.
	Load func(path string, data []byte, each func(*Definition)) *source.File
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
	// MaySymbolic is set by front-ends that may put Symbol or Implicit
	// nodes in Root: the engine then keeps rules quiet about them.
	MaySymbolic bool
}

// Unchecked lists the pointers of Root's symbolic and implicit values.
func (d *Definition) Unchecked() []string {
	if !d.MaySymbolic {
		return nil
	}
	var out []string
	d.Root.Walk(func(n *source.Node) bool {
		if n.Symbol != "" || n.Implicit {
			out = append(out, n.Pointer)
			return false
		}
		return true
	})
	return out
}
