// Package fixer is lint --fix: it lints, applies the fixes found (package
// fix) in memory, lints again until no fix applies, checks that every
// changed file still parses as before, and writes the changed files.
package fixer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/apigwlint/apigwlint/internal/cache"
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/frontend/registry"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/internal/tempfile"
	"github.com/apigwlint/apigwlint/schema"
)

// DefaultPasses bounds the lint-and-fix passes of a run: a fix that
// overlaps another waits for the next pass, and a fix may uncover another
// finding; ten passes are far more than any real file needs.
const DefaultPasses = 10

// Options say how a fixing run goes.
type Options struct {
	Unsafe    bool // apply unsafe fixes too (--unsafe-fixes)
	DryRun    bool // compute the changes, write nothing (--diff)
	MaxPasses int  // 0 = DefaultPasses
	// Cache opens the result cache for one lint pass (lint.Run closes
	// it); nil = no cache.
	Cache func() *cache.Cache
	// Warn receives what the user should know (a file left alone); nil =
	// dropped.
	Warn func(msg string)
	// Narrow, when set, filters each pass's result as a report would be
	// (--select, --ignore, --severity, a baseline): only the findings it
	// keeps are fixed, and the result returned is narrowed.
	Narrow func(*lint.Result)

	// breakFixes, when set, changes each pass's diagnostics before fixes
	// are chosen (tests: a fix that breaks the file).
	breakFixes func([]diag.Diagnostic)
}

// Change is one file a run changed, or would change with DryRun.
type Change struct {
	Path          string // as displayed
	File          string // the file written (symlinks resolved)
	Before, After []byte
	Fixes         int  // fixes applied to it
	Written       bool // the file was written (not with DryRun, nor on an error)
}

// Report is what a run did.
type Report struct {
	Changes []Change
	Passes  int
	// Result is the lint run of the files as they are now (with DryRun:
	// as they would be): what is left to report.
	Result *lint.Result
	// Errors are files that could not be written.
	Errors []string
}

// Fixes counts the fixes applied in all files.
func (r *Report) Fixes() int {
	n := 0
	for _, c := range r.Changes {
		n += c.Fixes
	}
	return n
}

// Written counts the files written and the fixes in them.
func (r *Report) Written() (files, fixes int) {
	for _, c := range r.Changes {
		if c.Written {
			files++
			fixes += c.Fixes
		}
	}
	return files, fixes
}

// ErrStdin is returned for a run over standard input, which has no file
// to write back.
var ErrStdin = errors.New(`fixes are written back to files: standard input ("-") cannot be fixed; name the file instead`)

// Run lints lo's paths, applies the fixes found in memory, and lints again
// until no fix applies or MaxPasses passes are done; then (unless DryRun)
// writes every changed file, atomically and keeping its mode. A pass's
// edits to a file are kept only when the file still parses as before (the
// same front-end, no new syntax problem, no definition lost); otherwise the
// file is left as it was and a warning says so. lo.Overlays and lo.Cache
// are set by Run.
func Run(lo lint.Options, o Options) (*Report, error) {
	if slices.Contains(lo.Paths, "-") {
		return nil, ErrStdin
	}
	if o.MaxPasses <= 0 {
		o.MaxPasses = DefaultPasses
	}
	warn := func(format string, args ...any) {
		if o.Warn != nil {
			o.Warn(fmt.Sprintf(format, args...))
		}
	}
	dir := lo.Dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		dir = wd
	}
	overlays := map[string][]byte{}
	changes := map[string]*Change{}
	frozen := map[string]bool{} // left alone: a fix would break it
	rep := &Report{}
	// run lints the files with these overlays (nil: as they are on
	// disk), narrowed as the run reports.
	run := func(overlays map[string][]byte) (*lint.Result, error) {
		lo.Overlays = overlays
		lo.Cache = nil
		if o.Cache != nil {
			lo.Cache = o.Cache()
		}
		res, err := lint.Run(lo)
		if err != nil {
			return nil, err
		}
		if o.Narrow != nil {
			o.Narrow(res)
		}
		return res, nil
	}
	for {
		res, err := run(overlays)
		if err != nil {
			return nil, err
		}
		rep.Result = res
		if rep.Passes == o.MaxPasses {
			if fixable(res.Diags, o.Unsafe) {
				warn("fixes still apply after %d passes; run again", o.MaxPasses)
			}
			break
		}
		ds := res.Diags
		if o.breakFixes != nil {
			ds = slices.Clone(ds)
			o.breakFixes(ds)
		}
		changed, read := false, false
		for _, group := range byFile(ds, o.Unsafe) {
			display := group[0].File
			abs := display
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(dir, filepath.FromSlash(display))
			}
			abs = filepath.Clean(abs)
			if frozen[abs] {
				continue
			}
			cur, ok := overlays[abs]
			if !ok {
				// The edits are offsets into the text lint read; the
				// file is read here once and linted as read, so that
				// they apply to the very same bytes.
				data, err := readFile(abs)
				if err != nil {
					warn("%s: not fixed: %v", display, err)
					frozen[abs] = true
					continue
				}
				overlays[abs] = data
				read = true
				continue
			}
			next, p := fix.Apply(cur, group, o.Unsafe)
			if p.Applied == 0 || bytes.Equal(next, cur) {
				continue
			}
			if why := breaks(display, cur, next); why != "" {
				warn("%s: fixes not applied: %s", display, why)
				frozen[abs] = true
				continue
			}
			c := changes[abs]
			if c == nil {
				c = &Change{Path: display, File: abs, Before: cur}
				changes[abs] = c
			}
			c.After = next
			c.Fixes += p.Applied
			overlays[abs] = next
			changed = true
		}
		if changed {
			rep.Passes++
		} else if !read {
			break
		}
	}
	for _, c := range changes {
		if !bytes.Equal(c.Before, c.After) {
			rep.Changes = append(rep.Changes, *c)
		}
	}
	sort.Slice(rep.Changes, func(i, j int) bool { return rep.Changes[i].Path < rep.Changes[j].Path })
	if o.DryRun {
		return rep, nil
	}
	for i := range rep.Changes {
		c := &rep.Changes[i]
		if err := write(c); err != nil {
			rep.Errors = append(rep.Errors, fmt.Sprintf("cannot write %s: %v", c.Path, err))
			continue
		}
		c.Written = true
	}
	if len(rep.Errors) > 0 {
		// The result must be of the files as they are: lint them again
		// from disk.
		res, err := run(nil)
		if err != nil {
			return nil, err
		}
		rep.Result = res
	}
	return rep, nil
}

func fixable(ds []diag.Diagnostic, unsafe bool) bool {
	for i := range ds {
		if fix.Fixable(&ds[i], unsafe) {
			return true
		}
	}
	return false
}

// byFile groups the fixable diagnostics by file, in file order.
func byFile(ds []diag.Diagnostic, unsafe bool) [][]diag.Diagnostic {
	at := map[string]int{}
	var out [][]diag.Diagnostic
	for _, d := range ds {
		if d.File == "" || !fix.Fixable(&d, unsafe) {
			continue
		}
		i, ok := at[d.File]
		if !ok {
			i = len(out)
			at[d.File] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], d)
	}
	return out
}

// breaks says why next may not replace cur ("" when it may): read by
// another front-end, a problem reading the file it did not have (YAML or
// JSON syntax, the encoding, a limit, a repeated key), or fewer
// definitions.
func breaks(display string, cur, next []byte) string {
	if a, b := registry.For(display, cur).Name, registry.For(display, next).Name; a != b {
		return fmt.Sprintf("the file would be read as %s instead of %s", b, a)
	}
	before, after := lint.CheckBytes(display, cur, true), lint.CheckBytes(display, next, true)
	if fileProblems(after) > fileProblems(before) {
		return "the file would not parse afterwards"
	}
	if after.Definitions < before.Definitions {
		return "the file would hold fewer definitions afterwards"
	}
	// JSON strings are not compared: an edit inside one replaces word
	// characters between quotes, which cannot make it invalid, and one
	// reported only afterwards is a value read for the first time (the
	// JSON string under a key that was misspelt, or in a document that a
	// fixed Action makes a definition), not one the fix broke.
	return ""
}

// fileProblems counts the problems of reading the file itself (YAML or
// JSON syntax, encoding, limits, repeated keys).
func fileProblems(fr *lint.FileResult) int {
	if fr.File == nil {
		return 0
	}
	n := 0
	for _, d := range fr.File.Problems {
		switch d.Rule {
		case source.RuleSyntax, source.RuleEncoding, source.RuleLimit, source.RuleDuplicateKey:
			n++
		}
	}
	return n
}

// syntax counts the diagnostics that say the file or a JSON string in it
// does not parse.
func syntax(fr *lint.FileResult) int {
	n := 0
	for _, d := range fr.Diags {
		switch d.Rule {
		case source.RuleSyntax, source.RuleEncoding, source.RuleLimit, source.RuleDuplicateKey, schema.RuleEmbeddedJSON:
			n++
		}
	}
	return n
}

func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	return os.ReadFile(path)
}

// write replaces a changed file through a temporary file in its directory
// and a rename (a symlink is followed: its target is written), keeping the
// file's mode; it writes nothing when the file no longer holds what was
// fixed (changed meanwhile).
func write(c *Change) error {
	target, err := filepath.EvalSymlinks(c.File)
	if err != nil {
		return err
	}
	st, err := os.Stat(target)
	if err != nil {
		return err
	}
	now, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, c.Before) {
		return errors.New("it changed while apigwlint ran; nothing written")
	}
	tmp, done, err := tempfile.Create(filepath.Dir(target), "."+filepath.Base(target)+".fix-*")
	if err != nil {
		return err
	}
	defer done()
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(c.After); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	c.File = target
	return os.Rename(tmp.Name(), target)
}
