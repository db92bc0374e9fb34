// Package config finds, reads and validates .apigwlint.yaml, the file with
// which a repository bends apigwlint to itself:
//
//	ignore: ["legacy/**"]          # paths neither checked nor compared
//	rules:                         # severity by rule id: off, warning, error
//	  unknown-field: warning
//	overrides:                     # severities for some files; later entries win
//	  - files: ["apis/partner/*.json"]
//	    rules:
//	      schema: warning
//	baseline: .apigwlint-baseline.json  # findings recorded by 'apigwlint baseline'
//
// Globs and paths are relative to the configuration file's directory, which
// is also the project root. A bad configuration is an error naming the file,
// line and column of each mistake (see Error); it is read with the one
// document model (internal/source) so that every value has a position, and
// checked against the configuration's JSON Schema (schema/config.json) as
// well as by hand, for messages with a did-you-mean.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/safeopen"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/rules"
)

// FileNames are the names looked up, in order of preference.
var FileNames = []string{".apigwlint.yaml", ".apigwlint.yml"}

// MaxSize is the largest configuration file read.
const MaxSize = 1 << 20

// Config is a loaded configuration. The zero value (and nil) is the
// defaults: nothing ignored, every rule at its default severity.
type Config struct {
	Path      string // the file, absolute; "" for the defaults
	Dir       string // its directory, absolute (the project root); "" for the defaults
	Ignore    []*Glob
	Rules     map[string]diag.Severity
	Overrides []Override
	// Root is the project root set by the root key (absolute); "" when
	// the file does not set one. See ProjectDir.
	Root string
	// Baseline is the baseline file set by the baseline key (absolute);
	// "" when the file does not set one.
	Baseline string

	baseline string   // as written
	root     string   // as written
	rootPos  diag.Pos // where
}

// ProjectDir is the project root the configuration sets: its root key, or
// else its own directory; "" for the defaults.
func (c *Config) ProjectDir() string {
	if c == nil {
		return ""
	}
	if c.Root != "" {
		return c.Root
	}
	return c.Dir
}

// Override sets severities for the files its globs match.
type Override struct {
	Files []*Glob
	Rules map[string]diag.Severity
}

// Problem is one mistake in a configuration file.
type Problem struct {
	File    string // as shown to the user
	Pos     diag.Pos
	Message string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Pos.Line, p.Pos.Col, p.Message)
}

// Error is a configuration that cannot be used; it lists every mistake
// found, in file order.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Find looks for a configuration file in dir and then in each directory
// above it, and returns the first one found, or "" when there is none.
// Two configuration files in one directory are an error: which one
// applies would be a guess.
func Find(dir string) (string, error) {
	return find(dir, "")
}

// find stops after the directory stop (when not "").
func find(dir, stop string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		var found []string
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("both %s and %s exist; keep one", found[0], filepath.Base(found[1]))
		}
		parent := filepath.Dir(dir)
		if parent == dir || dir == stop {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates the configuration file at path. display is how
// the file is named in problems (for example relative to the working
// directory); "" uses path. A file that cannot be read is a plain error; a
// file with mistakes is an *Error.
func Load(path, display string) (*Config, error) {
	if display == "" {
		display = path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := checkLink(abs, display); err != nil {
		return nil, err
	}
	// Opened without blocking: a FIFO in its place is an error, not a hang.
	f, err := safeopen.Regular(abs)
	var notRegular *safeopen.NotRegularError
	if errors.As(err, &notRegular) {
		return nil, fmt.Errorf("cannot read configuration %s: it is %s, not a regular file", display, safeopen.Describe(notRegular.Mode))
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read configuration %s: %v", display, unwrap(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read configuration %s: %v", display, unwrap(err))
	}
	if len(data) > MaxSize {
		return nil, &Error{Problems: []Problem{{File: display, Pos: diag.Pos{Line: 1, Col: 1},
			Message: fmt.Sprintf("the configuration file is over %d bytes; is it the right file?", MaxSize)}}}
	}
	c, err := Parse(display, data)
	if err != nil {
		return nil, err
	}
	c.Path, c.Dir = abs, filepath.Dir(abs)
	if c.root != "" {
		root := filepath.FromSlash(c.root)
		if !filepath.IsAbs(root) {
			root = filepath.Join(c.Dir, root)
		}
		root = filepath.Clean(root)
		if st, err := os.Stat(root); err != nil || !st.IsDir() {
			return nil, &Error{Problems: []Problem{{File: display, Pos: c.rootPos,
				Message: fmt.Sprintf("root %q is not a directory (it is relative to this file's directory)", c.root)}}}
		}
		c.Root = root
	}
	if c.baseline != "" {
		c.Baseline = filepath.FromSlash(c.baseline)
		if !filepath.IsAbs(c.Baseline) {
			c.Baseline = filepath.Join(c.Dir, c.Baseline)
		}
		c.Baseline = filepath.Clean(c.Baseline)
	}
	return c, nil
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse validates configuration text; display names the file in problems.
// The result has no Path or Dir (Load sets them).
func Parse(display string, data []byte) (*Config, error) {
	v := &validator{file: display}
	f := source.Load(display, data, source.DefaultOptions)
	for _, p := range f.Problems {
		v.add(p.Range.Start, "%s", p.Message)
	}
	c := &Config{}
	if len(f.Problems) == 0 {
		switch len(f.Docs) {
		case 0: // an empty file: the defaults
		case 1:
			v.config(c, f.Docs[0].Root)
		default:
			v.add(f.Docs[1].Root.Range.Start, "the configuration is one YAML document, but the file holds %d", len(f.Docs))
		}
		if len(v.problems) == 0 && len(f.Docs) == 1 {
			// The schema is the contract editors see; whatever it rejects
			// and the checks above missed is still a mistake.
			v.schema(f.Docs[0].Root)
		}
	}
	if len(v.problems) > 0 {
		sort.SliceStable(v.problems, func(i, j int) bool { return v.problems[i].Pos.Less(v.problems[j].Pos) })
		return nil, &Error{Problems: v.problems}
	}
	return c, nil
}

// Severity is the effective severity of a rule for a file: the rule's
// default, then the top-level rules, then every override whose globs match
// the file, in order (later entries win). rel is the file's path relative
// to the configuration file's directory ('/' separators); a file outside
// that directory ("../…") gets only the top-level rules.
func (c *Config) Severity(r *rules.Rule, rel string) diag.Severity {
	sev := c.Base(r)
	if c == nil {
		return sev
	}
	inside := rel != "" && rel != ".." && !strings.HasPrefix(rel, "../")
	for _, o := range c.Overrides {
		s, ok := o.Rules[r.ID]
		if !ok || !inside {
			continue
		}
		for _, g := range o.Files {
			if g.Match(rel, false) {
				sev = s
				break
			}
		}
	}
	return sev
}

// Base is a rule's severity under the top-level rules (overrides aside).
func (c *Config) Base(r *rules.Rule) diag.Severity {
	if c != nil {
		if s, ok := c.Rules[r.ID]; ok {
			return s
		}
	}
	return r.Severity
}

// Overridden reports whether some override sets the rule.
func (c *Config) Overridden(r *rules.Rule) bool {
	if c == nil {
		return false
	}
	for _, o := range c.Overrides {
		if _, ok := o.Rules[r.ID]; ok {
			return true
		}
	}
	return false
}

// Ignored reports whether a path relative to the configuration file's
// directory is ignored; isDir says it is a directory.
func (c *Config) Ignored(rel string, isDir bool) bool {
	if c == nil || rel == "" || rel == ".." || strings.HasPrefix(rel, "../") {
		return false
	}
	for _, g := range c.Ignore {
		if g.Match(rel, isDir) {
			return true
		}
	}
	return false
}

// Rel turns a path shown to the user (relative to the working directory
// wd, '/' separators, directories with a trailing '/') into a path
// relative to the configuration file's directory, and says whether it
// names a directory. Paths outside that directory start with "../".
func (c *Config) Rel(wd, display string) (rel string, isDir bool) {
	isDir = strings.HasSuffix(display, "/")
	p := filepath.FromSlash(strings.TrimSuffix(display, "/"))
	if !filepath.IsAbs(p) {
		p = filepath.Join(wd, p)
	}
	if c == nil || c.Dir == "" {
		return "", isDir
	}
	r, err := filepath.Rel(c.Dir, p)
	if err != nil {
		return "..", isDir
	}
	return filepath.ToSlash(r), isDir
}

// Hooks returns the functions the engine calls (lint.Options.Severity and
// lint.Options.Ignored) for a run whose paths are relative to wd.
func (c *Config) Hooks(wd string) (severity func(r *rules.Rule, file string) diag.Severity, ignored func(display string) bool) {
	severity = func(r *rules.Rule, file string) diag.Severity {
		rel, _ := c.Rel(wd, file)
		return c.Severity(r, rel)
	}
	ignored = func(display string) bool {
		return c.Ignored(c.Rel(wd, display))
	}
	return severity, ignored
}
