// Package lint is the engine: it finds definition files, reads each once,
// validates every definition against its operation's schema, runs the rules
// and collects diagnostics in a deterministic order. It owns no output
// format and no command line.
package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/apigwlint/apigwlint/internal/cache"
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/frontend/registry"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/internal/suppress"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

// DefaultMaxFileSize is the largest file read (10 MiB).
const DefaultMaxFileSize = 10 << 20

// Options say what to check and how.
type Options struct {
	Paths         []string  // files and directories; "-" reads Stdin
	Stdin         io.Reader // for "-"
	StdinFilename string    // the path "-" stands for
	Dir           string    // working directory; "" = os.Getwd()
	MaxFileSize   int64     // 0 = DefaultMaxFileSize
	Workers       int       // 0 = GOMAXPROCS
	// Severity gives the effective severity of a rule for a file (config
	// and overrides); nil = the rule's default.
	Severity func(r *rules.Rule, file string) diag.Severity
	// Ignored reports whether a path (relative to Dir, '/' separators) is
	// ignored by the configuration.
	Ignored func(rel string) bool
	// Filter post-processes one file's diagnostics; it runs after
	// severities and inline suppressions are applied.
	Filter func(f *FileResult)
	// Sources keeps the text of every file with diagnostics, for snippets.
	KeepSources bool
	// Overlays replace the content of files (keyed by absolute, cleaned
	// path) for this run, on disk or not: an editor's unsaved buffers. They
	// are read for the project index too.
	Overlays map[string][]byte
	// SkipNonDefinitions treats a named file that holds no definition like
	// one found in a walk: skipped and counted, not reported.
	SkipNonDefinitions bool
	// Exclude lists absolute paths a walk never checks (the report being
	// written with --output, which may sit inside the checked tree).
	Exclude []string
	// ProjectRoot is the directory whose definitions cross-file rules
	// compare (the directory of the configuration file); "" = the nearest
	// enclosing directory holding .apigwlint.yaml or .git, else Dir.
	ProjectRoot string
	// ReportBothSides reports a cross-file clash between two named files
	// on both of them (the language server: every open file a clash
	// involves shows it); otherwise only on the later one in path order.
	ReportBothSides bool
	// NamedOnly makes the named files (and overlays) the whole project:
	// cross-file rules compare them with each other, and the project root
	// is not walked (for an editor whose workspace is / or the home
	// directory).
	NamedOnly bool
	// Cache holds per-file results between runs (see cache.go); nil: every
	// file is checked. Run saves and closes it.
	Cache *cache.Cache

	// needles: in a partial run, the texts one of which a file not asked
	// for must hold to matter to the named files (facts.Needles).
	needles *facts.NeedleSet
	// wholeIndex turns narrowing off: a partial run indexes every other
	// file in full (tests compare narrowed partial runs with whole ones).
	wholeIndex bool
	// indexReads, when set, counts the files read for the index only
	// (tests).
	indexReads *atomic.Int64
}

// FileResult is what one file produced.
type FileResult struct {
	Path        string // as shown to the user
	Explicit    bool   // named on the command line
	File        *source.File
	Diags       []diag.Diagnostic
	Definitions int
	Skipped     bool // walked, but holds no definition
	// Suppressions are the file's inline suppression comments, read from
	// its text when it is checked and applied when the run is finished (so
	// that they cover cross-file diagnostics too); nil when it has none.
	Suppressions *suppress.Set
	// Index is what the file's definitions contribute to the project
	// index (keys and positions, no trees), for the cross-file rules.
	Index facts.FileIndex

	// Describes lists the files (as shown) whose definitions this file
	// restates at their places there: a Terraform plan's configuration.
	// Their own entries leave the project index (they are the same
	// resources), and a clash there is reported.
	Describes []string

	cached bool // read from the result cache
	unread bool // ... by its metadata, without reading the file
	// reread is the file to read again for snippets when its text was
	// released; "" when the text came from standard input or an overlay
	// (then it is never released).
	reread string
}

func (fr *FileResult) describe(file string) {
	for _, f := range fr.Describes {
		if f == file {
			return
		}
	}
	fr.Describes = append(fr.Describes, file)
}

// Result is the outcome of a run.
type Result struct {
	Files  []*FileResult
	Diags  []diag.Diagnostic // every reported diagnostic, sorted
	Errors []string          // what could not be checked (exit status 2)
	Summary
	// CacheHits counts the files whose results came from the cache.
	CacheHits int
	// Unread counts the files whose results came from the cache by their
	// metadata alone, without reading them.
	Unread int
}

// Summary counts a run.
type Summary struct {
	Files       int `json:"files"`
	Definitions int `json:"definitions"`
	Skipped     int `json:"skipped"`
	Errors      int `json:"errors"`
	Warnings    int `json:"warnings"`
	// Baselined counts the findings left out because the baseline holds
	// them (apigwlint lint with a baseline; counted by the command line,
	// not the engine). Absent from JSON when 0.
	Baselined int `json:"baselined,omitempty"`
}

type job struct {
	path     string // to open
	display  string
	explicit bool
	data     []byte // stdin content
	stdin    bool
}

// Run checks the paths of opts.
func Run(opts Options) (*Result, error) {
	if opts.Dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		opts.Dir = wd
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	res := &Result{}
	jobs := collect(&opts, res)
	others := projectJobs(&opts, jobs)
	results := make([]*FileResult, len(jobs))
	var mu sync.Mutex
	runJobs(&opts, len(jobs), func(i int) {
		fr, err := checkJob(&opts, jobs[i])
		if err != nil {
			mu.Lock()
			res.Errors = append(res.Errors, err.Error())
			mu.Unlock()
			return
		}
		if _, overlay := opts.Overlays[jobs[i].path]; !jobs[i].stdin && !overlay {
			fr.reread = jobs[i].path
		}
		release(&opts, fr)
		results[i] = fr
	})
	// The rest of the project is read for the index only, once the named
	// files are checked: what they hold decides which other files can
	// matter (facts.Needles).
	indexOnly := make([]*FileResult, len(others))
	if len(others) > 0 {
		if !opts.wholeIndex {
			named := make([]facts.FileIndex, 0, len(results))
			for _, fr := range results {
				if fr != nil {
					named = append(named, fr.Index)
				}
			}
			opts.needles = facts.Needles(named)
		}
		runJobs(&opts, len(others), func(i int) {
			// Only the index is kept: the trees of a whole project
			// must not stay in memory, and an unreadable file that
			// was not asked for is not this run's failure.
			if fr, _ := indexJob(&opts, others[i]); fr != nil {
				indexOnly[i] = &FileResult{Path: fr.Path, Index: fr.Index}
			}
		})
	}
	if opts.Cache != nil {
		// Best effort: a cache that cannot be written costs the next run
		// time, never this run its result.
		_ = opts.Cache.Save()
		opts.Cache.Close()
	}
	sort.Strings(res.Errors)
	for _, fr := range results {
		if fr != nil {
			res.Files = append(res.Files, fr)
		}
	}
	indexOnly = slices.DeleteFunc(indexOnly, func(fr *FileResult) bool { return fr == nil })
	finish(&opts, res, indexOnly)
	return res, nil
}

// runJobs calls fn(i) for i in [0, n) on every core. Workers take the next
// index by an atomic counter (no hand-off through a channel per file) and
// fn puts each result in its own slot, so the order of the results never
// depends on which worker was faster.
func runJobs(opts *Options, n int, fn func(i int)) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// release drops what a finished file no longer needs, so that memory stays
// flat however many files a run holds: the text, unless a diagnostic may
// show a snippet of it.
func release(opts *Options, fr *FileResult) {
	if fr.File == nil {
		return
	}
	if len(fr.Diags) == 0 && !opts.KeepSources && fr.reread != "" {
		fr.File = nil
		return
	}
	fr.File.Docs = nil
}

// finish runs the project rules, applies severities and filters, sorts and
// counts. indexOnly are the files read only for the project index.
func finish(opts *Options, res *Result, indexOnly []*FileResult) {
	checkProject(opts, res, indexOnly)
	for _, fr := range res.Files {
		kept := fr.Diags[:0]
		for _, d := range fr.Diags {
			r := rules.ByID(d.Rule)
			if r != nil {
				sev := r.Severity
				if opts.Severity != nil {
					sev = opts.Severity(r, fr.Path)
				}
				if sev == diag.Off {
					continue
				}
				d.Severity = sev
			}
			kept = append(kept, d)
		}
		fr.Diags = kept
		if fr.Suppressions != nil {
			path := fr.Path
			fr.Diags = fr.Suppressions.Apply(fr.Diags, func(r *rules.Rule) diag.Severity {
				if opts.Severity != nil {
					return opts.Severity(r, path)
				}
				return r.Severity
			})
		}
		if opts.Filter != nil {
			opts.Filter(fr)
		}
		diag.Sort(fr.Diags)
		res.Diags = append(res.Diags, fr.Diags...)
		if fr.Skipped {
			res.Skipped++
		} else {
			res.Summary.Files++
		}
		res.Definitions += fr.Definitions
		if fr.cached {
			res.CacheHits++
		}
		if fr.unread {
			res.Unread++
		}
	}
	// A file's text is kept for the snippets of its own diagnostics and of
	// the related locations that point into it.
	shown := map[string]bool{}
	for _, d := range res.Diags {
		shown[d.File] = true
		for _, r := range d.Related {
			shown[r.File] = true
		}
	}
	for _, fr := range res.Files {
		if shown[fr.Path] && fr.File == nil && fr.reread != "" {
			// Released while the run went on; a cross-file finding
			// points into it after all.
			if data, _, err := readRegular(fr.reread, opts.MaxFileSize); err == nil && data != nil {
				fr.File = source.Text(fr.Path, data)
			}
		}
		if !shown[fr.Path] && !opts.KeepSources {
			fr.File = nil
		}
	}
	diag.Sort(res.Diags)
	for _, d := range res.Diags {
		switch d.Severity {
		case diag.Error:
			res.Summary.Errors++
		case diag.Warning:
			res.Summary.Warnings++
		}
	}
}

// collect expands the paths into files to check, in a stable order.
func collect(opts *Options, res *Result) []job {
	var jobs []job
	seen := map[string]int{} // display → index in jobs
	add := func(j job) {
		if i, ok := seen[j.display]; ok {
			// Named after it was added as another file's companion.
			jobs[i].explicit = jobs[i].explicit || j.explicit
			return
		}
		seen[j.display] = len(jobs)
		jobs = append(jobs, j)
	}
	for _, p := range opts.Paths {
		if p == "-" {
			var data []byte
			var err error
			if opts.Stdin != nil {
				data, err = io.ReadAll(io.LimitReader(opts.Stdin, opts.MaxFileSize+1))
			}
			if err != nil {
				res.Errors = append(res.Errors, fmt.Sprintf("cannot read standard input: %v", err))
				continue
			}
			name := opts.StdinFilename
			if name == "" {
				name = "<stdin>.yaml"
			} else if opts.Ignored != nil && opts.Ignored(Display(opts.Dir, name)) {
				continue // an editor checking an ignored file gets nothing
			}
			add(job{display: Display(opts.Dir, name), explicit: true, data: data, stdin: true})
			continue
		}
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(opts.Dir, p)
		}
		abs = filepath.Clean(abs)
		if _, ok := opts.Overlays[abs]; ok {
			// An editor's unsaved text, possibly of a file not yet on disk.
			if opts.Ignored == nil || !opts.Ignored(Display(opts.Dir, abs)) {
				add(job{path: abs, display: Display(opts.Dir, abs), explicit: true})
			}
			continue
		}
		st, err := os.Stat(abs)
		if err != nil {
			res.Errors = append(res.Errors, fmt.Sprintf("cannot read %s: %v", p, unwrapPathError(err)))
			continue
		}
		if !st.IsDir() {
			if opts.Ignored != nil && opts.Ignored(Display(opts.Dir, abs)) {
				continue
			}
			if !st.Mode().IsRegular() {
				// A FIFO or device named on the command line: opening
				// it could block or have side effects.
				res.Errors = append(res.Errors, fmt.Sprintf("cannot read %s: not a regular file", p))
				continue
			}
			add(job{path: abs, display: Display(opts.Dir, abs), explicit: true})
			// Files whose results it changes (the rest of a
			// Terraform module) are checked with it, as if walked.
			for _, c := range registry.Companions(abs) {
				if d := Display(opts.Dir, c); opts.Ignored == nil || !opts.Ignored(d) {
					add(job{path: c, display: d})
				}
			}
			continue
		}
		for _, j := range walk(opts, abs, p, func(msg string) { res.Errors = append(res.Errors, msg) }) {
			add(j)
		}
	}
	sort.SliceStable(jobs, func(i, j int) bool { return jobs[i].display < jobs[j].display })
	return jobs
}

// walk lists the definition files under the directory abs (named p on the
// command line), sorted: hidden directories, symbolic links, the
// configuration file and ignored paths are left out.
//
// The first levels of the tree are read here until there are enough
// directories to share out; each is then walked by filepath.WalkDir on its
// own core (a project of 30,000 files spends a third of a warm partial run
// listing them). Every entry goes through visit, whichever way it is
// reached, so the rules are the same.
func walk(opts *Options, abs, p string, fail func(string)) []job {
	if lst, err := os.Lstat(abs); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		// A directory named through a link: WalkDir does not follow a
		// link at its root, but does with a trailing separator. Links
		// below it are still not followed.
		abs += string(filepath.Separator)
	}
	var mu sync.Mutex
	// Jobs are gathered in chunks and copied once into a slice of the
	// exact length: appending to one slice copies (and, fresh from the
	// system, faults in) every job several times over.
	var chunks [][]job
	var cur []job
	failed := func(msg string) {
		mu.Lock()
		fail(msg)
		mu.Unlock()
	}
	visit := func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			failed(fmt.Sprintf("cannot read %s: %v", Display(opts.Dir, path), unwrapPathError(err)))
			return nil
		}
		name := d.Name()
		rel := Display(opts.Dir, path)
		if d.IsDir() {
			if path != abs && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			if path != abs && opts.Ignored != nil && opts.Ignored(rel+"/") {
				return filepath.SkipDir
			}
			return nil
		}
		// Symbolic links are not followed in a walk (a link may lead
		// out of the project or into a loop); FIFOs and devices are
		// never opened.
		if !d.Type().IsRegular() {
			return nil
		}
		if !isDefinitionFile(name) || name == ".apigwlint.yaml" || name == ".apigwlint.yml" {
			return nil
		}
		if opts.Ignored != nil && opts.Ignored(rel) {
			return nil
		}
		for _, x := range opts.Exclude {
			if x == path {
				return nil
			}
		}
		mu.Lock()
		if len(cur) == cap(cur) {
			cur = make([]job, 0, 1024)
			chunks = append(chunks, nil)
		}
		cur = append(cur, job{path: path, display: rel})
		chunks[len(chunks)-1] = cur
		mu.Unlock()
		return nil
	}
	gather := func() []job {
		n := 0
		for _, c := range chunks {
			n += len(c)
		}
		out := make([]job, 0, n)
		for _, c := range chunks {
			out = append(out, c...)
		}
		return sortJobs(out)
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	st, err := os.Stat(abs)
	if err != nil {
		// As WalkDir reports a root it cannot read.
		visit(abs, nil, err)
		return nil
	}
	if visit(abs, fs.FileInfoToDirEntry(st), nil) == filepath.SkipDir || !st.IsDir() {
		return gather()
	}
	// Breadth first over the first levels, until the frontier has a few
	// directories per core (or three levels were read).
	frontier := []string{abs}
	for depth := 0; depth < 3 && len(frontier) < 4*workers && len(frontier) > 0; depth++ {
		var next []string
		for _, dir := range frontier {
			entries, err := os.ReadDir(dir)
			if err != nil {
				visit(dir, nil, err)
				// ReadDir returns what it read before the error, as
				// WalkDir walks it.
			}
			for _, e := range entries {
				path := filepath.Join(dir, e.Name())
				if e.IsDir() {
					if visit(path, e, nil) != filepath.SkipDir {
						next = append(next, path)
					}
					continue
				}
				visit(path, e, nil)
			}
		}
		frontier = next
	}
	// The rest, one WalkDir per frontier directory (already visited).
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(frontier)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(frontier) {
					return
				}
				root := frontier[i]
				err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
					if path == root && err == nil {
						return nil // visited while the frontier was built
					}
					return visit(path, d, err)
				})
				if err != nil {
					failed(fmt.Sprintf("cannot walk %s: %v", p, err))
				}
			}
		}()
	}
	wg.Wait()
	return gather()
}

func sortJobs(jobs []job) []job {
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].display < jobs[j].display })
	return jobs
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func isDefinitionFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".tf", ".tofu":
		return true
	}
	return false
}

// Display returns path relative to dir with '/' separators (the form the
// JSON report promises), or the cleaned path when no relative path exists.
func Display(dir, path string) string {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(dir, path)
	}
	if rel, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(filepath.Clean(path))
}

func checkJob(opts *Options, j job) (*FileResult, error) {
	data := j.data
	if ov, ok := opts.Overlays[j.path]; ok && !j.stdin {
		data, j.stdin = ov, true
	}
	explicit := j.explicit && !opts.SkipNonDefinitions
	var fi os.FileInfo
	if !j.stdin && opts.Cache != nil {
		// An unchanged file's result may come from its metadata alone.
		if st, err := os.Stat(j.path); err == nil && st.Mode().IsRegular() && st.Size() <= opts.MaxFileSize {
			fi = st
			if fr := checkByMeta(opts, j.path, j.display, fi, explicit); fr != nil {
				fr.Explicit = j.explicit
				fr.unread = true
				return fr, nil
			}
		}
	}
	if !j.stdin {
		var size int64
		var err error
		data, size, err = readRegular(j.path, opts.MaxFileSize)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %v", j.display, err)
		}
		if data == nil {
			return tooLarge(opts, j, size), nil
		}
	}
	if int64(len(data)) > opts.MaxFileSize {
		return tooLarge(opts, j, int64(len(data))), nil
	}
	// With SkipNonDefinitions a named file without definitions is skipped
	// as in a walk (a pre-commit hook names every staged YAML file).
	fr, key := checkCachedKey(opts, j.display, data, explicit)
	if fi != nil && int64(len(data)) == fi.Size() {
		rememberMeta(opts, j.path, fi, explicit, key, fr)
	}
	fr.Explicit = j.explicit
	return fr, nil
}

func tooLarge(opts *Options, j job, size int64) *FileResult {
	return &FileResult{Path: j.display, Explicit: j.explicit, Diags: []diag.Diagnostic{{
		File: j.display, Range: diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}},
		Severity: diag.Error, Rule: rules.Limit.ID,
		Message: fmt.Sprintf("file is %d bytes, over the %d-byte limit; it is not checked", size, opts.MaxFileSize),
	}}}
}

// CheckBytes checks one file's content: every definition in it against its
// schema and the definition rules. Project rules are not run here.
// Documents are checked as they are read and their trees dropped, so
// Defs[i].Root is nil: what later stages need of a definition (the project
// index) is taken in the loop below.
func CheckBytes(display string, data []byte, explicit bool) *FileResult {
	return checkBytesIn(".", display, data, explicit)
}

// checkBytesIn is CheckBytes for a file whose display path is relative to
// dir (a Terraform file is read with the other files of its directory).
func checkBytesIn(dir, display string, data []byte, explicit bool) *FileResult {
	fr := &FileResult{Path: display, Explicit: explicit, Suppressions: suppress.Scan(display, data)}
	var docDiags []diag.Diagnostic
	// How the format writes a key, for the fixes of misspelt keys.
	spelling := registry.For(display, data).Spelling
	f, fe := registry.LoadIn(dir, display, data, func(def *frontend.Definition) {
		if def.Problem != nil {
			if def.Problem.Rule == rules.NotADefinition.ID && !explicit {
				return
			}
			docDiags = append(docDiags, *def.Problem)
			return
		}
		fr.Definitions++
		at := display
		if def.File != "" {
			at = def.File
			fr.describe(at)
		}
		start := len(docDiags)
		docDiags = append(docDiags, def.Diags...)
		// Fixes are edits of the file read: none for a definition whose
		// positions are in another file (a plan's resource at its block).
		src := def.Src
		if def.File != "" {
			src = nil
		}
		docDiags = append(docDiags, schema.CheckFile(def.Root, def.Op, at, def.Doc, src, spelling)...)
		rules.IndexDefinition(&fr.Index, at, def.Doc, def.Op, def.Root)
		first := len(docDiags)
		ctx := rules.NewContext(at, def.Doc, def.Op, def.Root, &docDiags)
		ctx.Src = src
		for _, r := range rules.All() {
			if r.Kind != rules.Definition || (r.Op != "" && r.Op != def.Op) {
				continue
			}
			ctx.Run(r)
		}
		if unchecked := def.Unchecked(); len(unchecked) > 0 {
			// Rules say nothing about values that are not known
			// statically or that a tool fills in.
			kept := docDiags[:first]
			for _, d := range docDiags[first:] {
				if !schema.Unchecked(d.Pointer, unchecked) {
					kept = append(kept, d)
				}
			}
			docDiags = kept
		}
		if def.Label != "" {
			for i := start; i < len(docDiags); i++ {
				d := &docDiags[i]
				d.Message = def.Label + ": " + d.Message
				if def.File != "" {
					d.Related = append(d.Related, diag.Related{File: display, Range: def.Origin, Message: "planned as " + def.Label})
				}
			}
		}
	})
	fr.File = f
	// Fixes were computed on the text as normalised; they apply to the
	// bytes as read.
	for i := range docDiags {
		if len(docDiags[i].Fixes) > 0 && f != nil {
			f.RawFixes(docDiags[i].Fixes)
		}
	}
	fr.Index.Compact()
	// The loader's problems first, then each document's, as they were
	// always ordered.
	fr.Diags = append(append([]diag.Diagnostic(nil), f.Problems...), docDiags...)
	if !explicit && fr.Definitions == 0 && len(docDiags) == 0 && fe.Name == "request" && unparsedNonDefinition(f) {
		// A repository's other YAML and JSON (a Helm template, JSONC, an
		// empty .json) need not parse; it is skipped as a file that
		// parses and holds no definition is. A file another front-end
		// claims (a ROS template) is meant for apigwlint.
		fr.Diags = nil
	}
	if fr.Definitions == 0 && len(fr.Diags) == 0 && !explicit {
		fr.Skipped = true
	}
	if explicit && fr.Definitions == 0 && len(fr.Diags) == 0 && fe.Name == "terraform" {
		// A module's variables.tf or providers.tf: nothing of its own
		// to check, and nothing wrong with it.
		fr.Skipped = true
	} else if explicit && fr.Definitions == 0 && len(fr.Diags) == 0 {
		fr.Diags = append(fr.Diags, diag.Diagnostic{File: display, Range: diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}},
			Severity: diag.Error, Rule: rules.NotADefinition.ID, Message: "the file holds no definition (it is empty)"})
	}
	return fr
}

// unparsedNonDefinition reports whether a file's problems are all of the
// kind a file that is not meant for apigwlint may have (it does not parse,
// or repeats a key) and a lenient look at its text finds no attempt at a
// definition in it. Encoding and limit problems are always reported: they
// are how a hostile or damaged file shows.
func unparsedNonDefinition(f *source.File) bool {
	if len(f.Problems) == 0 {
		return false
	}
	for _, p := range f.Problems {
		if p.Rule != source.RuleSyntax && p.Rule != source.RuleDuplicateKey {
			return false
		}
	}
	return !schema.MeantAsDefinition(f.Src, f.IsJSON)
}

// IndexBytes reads what the project index needs from a file's content and
// nothing else: each definition is read by its front-end and normalised
// (JSON strings parsed, keys and enum values canonical) as CheckBytes does,
// but neither validated nor checked by rules. A partial run reads every
// other file of the project this way. The result's Index equals
// CheckBytes's.
func IndexBytes(display string, data []byte) *FileResult {
	return indexBytesIn(".", display, data)
}

// indexBytesIn is IndexBytes for a display path relative to dir.
func indexBytesIn(dir, display string, data []byte) *FileResult {
	fr := &FileResult{Path: display}
	registry.LoadIn(dir, display, data, func(def *frontend.Definition) {
		if def.Problem != nil {
			return
		}
		fr.Definitions++
		at := display
		if def.File != "" {
			at = def.File
			fr.describe(at)
		}
		schema.Normalize(def.Root, def.Op, rules.IndexParams()...)
		rules.IndexDefinition(&fr.Index, at, def.Doc, def.Op, def.Root)
	})
	fr.Index.Compact()
	return fr
}

// CheckOne checks one file's content as a run over that file alone reports
// it: its definitions, the project rules among them, severities (nil: the
// defaults) and inline suppressions. The documentation tests use it on rule
// examples.
func CheckOne(display string, data []byte, severity func(r *rules.Rule, file string) diag.Severity) []diag.Diagnostic {
	res := &Result{Files: []*FileResult{CheckBytes(display, data, true)}}
	finish(&Options{Dir: ".", Severity: severity}, res, nil)
	return res.Diags
}
