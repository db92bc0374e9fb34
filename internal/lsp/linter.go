package lsp

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/apigwlint/apigwlint/internal/config"

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

// FileLinter checks the open documents as `apigwlint lint` would from the
// workspace root, in one run over the whole project: every open document's
// unsaved text replaces its file (lint.Options.Overlays), so project rules
// compare open buffers with each other and with the files on disk, and only
// the open documents are reported. The configuration (.apigwlint.yaml) is
// looked up from the root as the command line does.
type FileLinter struct {
	// Configure adjusts the engine options of a run; nil = load the
	// configuration found from root (none: rule defaults).
	Configure func(root string, opts *lint.Options) error
	// CacheDir holds the result cache ("" = none). With it, the files of
	// the project that did not change are not parsed again on every
	// change: their results and index entries come from the cache.
	CacheDir string
}

// Lint implements Linter.
func (l FileLinter) Lint(ctx context.Context, root string, overlays map[string][]byte, paths []string) ([]diag.Diagnostic, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// A clash between two open files shows in both: the file being typed
	// in must not look clean because the other one sorts later.
	opts := lint.Options{Paths: paths, Overlays: make(map[string][]byte, len(overlays)), Dir: root, ReportBothSides: true}
	for path, data := range overlays {
		opts.Overlays[filepath.Clean(path)] = data
	}
	var cfgErr error
	configure := l.Configure
	if configure == nil {
		configure = configFromRoot
	}
	if err := configure(root, &opts); err != nil {
		// A broken configuration is reported once; the documents are
		// still checked with the rule defaults.
		cfgErr = err
		opts.Severity, opts.Ignored, opts.ProjectRoot = nil, nil, ""
	}
	if broadRoot(lint.ProjectRoot(opts.ProjectRoot, root)) {
		opts.NamedOnly = true // never walk / or the home directory
	}
	if l.CacheDir != "" {
		// Run saves and closes the cache; it is opened again per run. An
		// unusable cache only costs time.
		if c, err := lint.OpenCache(l.CacheDir); err == nil {
			opts.Cache = c
		}
	}
	res, err := lint.Run(opts)
	if err != nil {
		return nil, err
	}
	var out []diag.Diagnostic
	for _, d := range res.Diags {
		// An editor sends every YAML and JSON file it opens, as a
		// directory walk would find them: a file that holds no
		// definition is not reported (lint does the same in a walk).
		if d.Rule == rules.NotADefinition.ID {
			continue
		}
		out = append(out, d)
	}
	var errs []error
	if cfgErr != nil {
		errs = append(errs, cfgErr)
	}
	for _, e := range res.Errors {
		errs = append(errs, errors.New(e))
	}
	return out, errors.Join(errs...)
}

// configFromRoot applies the .apigwlint.yaml found from root upwards.
func configFromRoot(root string, opts *lint.Options) error {
	found, err := config.Find(root)
	if err != nil || found == "" {
		return err
	}
	cfg, err := config.Load(found, lint.Display(root, found))
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) && len(ce.Problems) > 0 {
			more := ""
			switch n := len(ce.Problems) - 1; n {
			case 0:
			case 1:
				more = " (and 1 more problem)"
			default:
				more = fmt.Sprintf(" (and %d more problems)", n)
			}
			return fmt.Errorf("%s%s; using the rule defaults", ce.Problems[0], more)
		}
		return err
	}
	opts.Severity, opts.Ignored = cfg.Hooks(root)
	opts.ProjectRoot = cfg.ProjectDir()
	return nil
}
