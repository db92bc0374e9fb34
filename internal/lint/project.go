package lint

import (
	"os"
	"path/filepath"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/rules"
)

// Whole-project checks. Cross-file rules (a second API with the same name
// or path in a group, a reused service name or clientToken) compare every
// definition under the project root, even when only some files are named,
// as a pre-commit hook or an editor does. Files that were not asked for are
// read for the project index only: their own problems are not reported,
// and a clash is reported only where it touches a file that was asked for.

// ProjectRoot returns the directory whose definitions form the project:
// opts.ProjectRoot when set (the directory of the configuration file), else
// the nearest directory, from dir upwards, holding a configuration file or
// .git (a directory, or a file in a worktree or submodule), else dir
// itself. The search stops at the first .git so that a configuration file
// above a repository never makes the project bigger than the repository.
func ProjectRoot(projectRoot, dir string) string {
	if projectRoot != "" {
		if !filepath.IsAbs(projectRoot) {
			projectRoot = filepath.Join(dir, projectRoot)
		}
		return filepath.Clean(projectRoot)
	}
	for cur := filepath.Clean(dir); ; {
		for _, marker := range []string{".apigwlint.yaml", ".apigwlint.yml", ".git"} {
			if _, err := os.Lstat(filepath.Join(cur, marker)); err == nil {
				return cur
			}
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return filepath.Clean(dir)
		}
		cur = parent
	}
}

// projectJobs lists the definition files under the project root that the
// named paths do not already cover: they are read for the index only. A file counts as
// covered when it is the same file, even if named through a symbolic link
// (it would otherwise clash with itself). Walk errors there are not this
// run's failure and are left out; the named paths report their own.
func projectJobs(opts *Options, named []job) []job {
	if opts.NamedOnly {
		return nil
	}
	root := ProjectRoot(opts.ProjectRoot, opts.Dir)
	for _, p := range opts.Paths {
		// The root itself was named (apigwlint lint . from the root):
		// its walk, with the same options, found every file this one
		// would.
		if p == "-" {
			continue
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(opts.Dir, p)
		}
		if filepath.Clean(p) == root {
			if st, err := os.Stat(root); err == nil && st.IsDir() {
				return nil
			}
		}
	}
	byDisplay := make(map[string]bool, len(named))
	for _, j := range named {
		byDisplay[j.display] = true
	}
	// The real paths of the named files are resolved only when a walked
	// file is not named under the same path: resolving costs an lstat per
	// path component, and when the whole root is named (apigwlint lint .)
	// every walked file is found by its path.
	var byReal map[string]bool
	realNamed := func() map[string]bool {
		if byReal == nil {
			byReal = make(map[string]bool, len(named))
			for _, j := range named {
				path := j.path
				if j.stdin {
					path = filepath.Join(opts.Dir, filepath.FromSlash(j.display))
				}
				byReal[realPath(path)] = true
			}
		}
		return byReal
	}
	// The walk follows no link, so below the root's real path every file
	// is at its real path.
	var realRoot string
	walked := walk(opts, root, root, func(string) {})
	out := make([]job, 0, len(walked))
	for _, j := range walked {
		if byDisplay[j.display] {
			continue
		}
		if realRoot == "" {
			realRoot = realPath(root)
		}
		if rel, err := filepath.Rel(root, j.path); err == nil && realNamed()[filepath.Join(realRoot, rel)] {
			continue
		}
		out = append(out, j)
	}
	return out
}

// realPath is path with every symbolic link resolved, or cleaned when it
// cannot be resolved.
func realPath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return filepath.Clean(path)
}

// checkProject runs the project rules over the index of every file read
// (reported and index-only) and adds their diagnostics to the reported
// file they are located in. Severities and filters are applied afterwards,
// with the file's own diagnostics.
func checkProject(opts *Options, res *Result, indexOnly []*FileResult) {
	var project []*rules.Rule
	for _, r := range rules.All() {
		// A rule that is off and cannot be turned on per file needs no
		// run.
		if r.Kind == rules.Project && r.CheckProject != nil && (r.Severity != diag.Off || opts.Severity != nil) {
			project = append(project, r)
		}
	}
	if len(project) == 0 {
		return
	}
	byPath := make(map[string]*FileResult, len(res.Files))
	parts := make([]facts.FileIndex, 0, len(res.Files)+len(indexOnly))
	// A plan restates the resources of its configuration's files: theirs
	// leave the index, and a clash placed there by a named plan is
	// reported.
	described := map[string]bool{}
	for _, fr := range res.Files {
		for _, f := range fr.Describes {
			described[f] = true
		}
	}
	for _, fr := range res.Files {
		byPath[fr.Path] = fr
		if !described[fr.Path] {
			parts = append(parts, fr.Index)
		}
		fr.Index = facts.FileIndex{} // merged below: not kept twice
	}
	for _, fr := range indexOnly {
		if described[fr.Path] {
			fr.Index = facts.FileIndex{}
		}
	}
	if !opts.wholeIndex {
		// A partial run: of the files not asked for, only entries that
		// can clash with the named files' matter (facts.Narrow).
		others := make([]facts.FileIndex, len(indexOnly))
		for i, fr := range indexOnly {
			others[i] = fr.Index
			fr.Index = facts.FileIndex{}
		}
		parts = append(parts, facts.Narrow(parts, others))
	} else {
		for _, fr := range indexOnly {
			parts = append(parts, fr.Index)
			fr.Index = facts.FileIndex{}
		}
	}
	ix := facts.NewIndex(parts, func(file string) bool { return byPath[file] != nil || described[file] })
	ix.BothSides = opts.ReportBothSides
	var out []diag.Diagnostic
	ctx := rules.NewProjectContext(ix, &out)
	for _, r := range project {
		ctx.Run(r)
	}
	for _, d := range out {
		// The rules locate a clash in a reported file when there is one
		// (rules.clash); anything else is about files not asked for.
		if fr := byPath[d.File]; fr != nil {
			fr.Diags = append(fr.Diags, d)
		}
	}
}
