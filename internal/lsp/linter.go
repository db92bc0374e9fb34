package lsp

import (
	"bytes"
	"context"
	"errors"
	"os"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// Linter is the one place where the server asks for diagnostics. It gets
// the workspace root, the text of every open document (overlays, keyed by
// absolute path; they take precedence over the files on disk) and the
// absolute paths whose diagnostics are wanted (the open documents). It
// returns their diagnostics, with File relative to root ('/' separators,
// as lint.Display makes it) or absolute.
//
// The server calls it after every change, for all open documents at once,
// so that a cross-file finding in one open file is refreshed when another
// changes.
type Linter interface {
	Lint(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error)
}

// LinterFunc adapts a function to Linter.
type LinterFunc func(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error)

// Lint calls f.
func (f LinterFunc) Lint(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
	return f(ctx, root, overlays, paths)
}

// FileLinter checks each wanted document on its own with the engine, as
// `apigwlint lint --stdin-filename PATH -` would: schema and per-definition
// rules, severities applied.
//
// SEAM (for the lead): when the project index lands in internal/lint,
// replace this by one whole-project run from root with overlays for the
// open documents (project rules then see unsaved text), keeping only the
// diagnostics of paths. The configuration (.apigwlint.yaml, internal/config)
// plugs in through Configure: set Severity, Ignored and Filter on the
// options there, looked up from root.
type FileLinter struct {
	// Configure adjusts the engine options of a run; nil = rule defaults.
	Configure func(root string, opts *lint.Options) error
}

// Lint implements Linter.
func (l FileLinter) Lint(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
	var out []diag.Diagnostic
	var errs []error
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, ok := overlays[path]
		if !ok {
			var err error
			if data, err = os.ReadFile(path); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		opts := lint.Options{
			Paths:         []string{"-"},
			Stdin:         bytes.NewReader(data),
			StdinFilename: path,
			Dir:           root,
			Workers:       1,
		}
		if l.Configure != nil {
			if err := l.Configure(root, &opts); err != nil {
				return nil, err
			}
		}
		res, err := lint.Run(opts)
		if err != nil {
			return nil, err
		}
		for _, d := range res.Diags {
			// An editor sends every YAML and JSON file it opens, as a
			// directory walk would find them: a file that holds no
			// definition is not reported (lint does the same in a walk).
			if d.Rule == rules.NotADefinition.ID {
				continue
			}
			out = append(out, d)
		}
	}
	return out, errors.Join(errs...)
}
