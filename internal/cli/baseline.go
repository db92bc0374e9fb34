package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigwlint/apigwlint/internal/baseline"
	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/safeopen"
	"github.com/apigwlint/apigwlint/internal/source"
)

// The baseline (internal/baseline): 'apigwlint baseline' records today's
// findings; 'apigwlint lint' then leaves them out of every format, counts
// them in the summary, and warns on standard error about entries that
// match nothing any more — a warning only: a stale entry never fails a
// run, it is a finding fixed.

type baselineFlags struct {
	file string
	none bool
}

func defineBaselineFlags(fs *flag.FlagSet, b *baselineFlags) {
	fs.StringVar(&b.file, "baseline", "", "leave out the findings recorded in the baseline `FILE` by 'apigwlint baseline' (default: the configuration's baseline key, else "+baseline.FileName+" in the project root when it exists)")
	fs.BoolVar(&b.none, "no-baseline", false, "report every finding, whatever a baseline holds")
}

// baselineFile is the baseline a run uses: where, and whether it must
// exist (named by --baseline or the configuration; the default file is
// used only when it exists).
type baselineFile struct {
	path     string // absolute; "" = none (--no-baseline)
	display  string // as shown
	required bool
	why      string // for 'apigwlint config'
	// exclude is the file a walk leaves out: the baseline, which is JSON
	// but no definition (also under --no-baseline).
	exclude string
}

func (b baselineFlags) locate(cwd, root string, cfg *config.Config) (baselineFile, error) {
	switch {
	case b.none && b.file != "":
		return baselineFile{}, errors.New("--baseline and --no-baseline contradict each other (see 'apigwlint --help')")
	case b.none:
		return baselineFile{why: "--no-baseline", exclude: defaultBaseline(root, cfg)}, nil
	case b.file != "":
		p := b.file
		if !filepath.IsAbs(p) {
			p = filepath.Join(cwd, p)
		}
		return baselineFile{path: filepath.Clean(p), display: b.file, required: true, why: "--baseline", exclude: filepath.Clean(p)}, nil
	case cfg != nil && cfg.Baseline != "":
		return baselineFile{path: cfg.Baseline, display: lint.Display(cwd, cfg.Baseline), required: true, why: "the baseline key of the configuration", exclude: cfg.Baseline}, nil
	}
	p := filepath.Join(root, baseline.FileName)
	return baselineFile{path: p, display: lint.Display(cwd, p), why: "the default, in the project root", exclude: p}, nil
}

// defaultBaseline is where the baseline is when no flag names it.
func defaultBaseline(root string, cfg *config.Config) string {
	if cfg != nil && cfg.Baseline != "" {
		return cfg.Baseline
	}
	return filepath.Join(root, baseline.FileName)
}

// load reads the baseline; nil when there is none to use. A baseline that
// was asked for and is missing, or that cannot be read, is an error.
func (f baselineFile) load() (*baseline.Baseline, error) {
	if f.path == "" {
		return nil, nil
	}
	if root, out := config.LinksOut(f.path); out {
		// As for the configuration: a pull request must not make CI
		// read (and quote) a file outside the repository.
		return nil, fmt.Errorf("baseline %s is a symlink to a file outside the repository (%s), which apigwlint does not read; nothing was checked", f.display, root)
	}
	b, err := baseline.Read(f.path, f.display)
	if errors.Is(err, os.ErrNotExist) {
		if !f.required {
			return nil, nil
		}
		return nil, fmt.Errorf("baseline %s does not exist (named by %s); write it with 'apigwlint baseline', or run with --no-baseline", f.display, f.why)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline %v; nothing was checked (write it again with 'apigwlint baseline', or run with --no-baseline)", err)
	}
	return b, nil
}

// findings turns the diagnostics of res into what the baseline keys on:
// files relative to the project root (the diagnostics' are relative to the
// working directory), the text of each finding's line, and for a clash the
// other files' lines (read from disk when the run did not load them: a
// partial run holds only the named files).
func findings(res *lint.Result, root, cwd string) []baseline.Finding {
	files := map[string]*lint.FileResult{}
	for _, fr := range res.Files {
		files[fr.Path] = fr
	}
	read := map[string]*source.File{} // files read here
	lineOf := func(file string, n int) string {
		if fr := files[file]; fr != nil && fr.File != nil {
			return fr.File.Line(n)
		}
		f, ok := read[file]
		if !ok {
			f = readText(file, filepath.Join(cwd, filepath.FromSlash(file)))
			read[file] = f
		}
		if f == nil {
			return ""
		}
		return f.Line(n)
	}
	out := make([]baseline.Finding, len(res.Diags))
	for i, d := range res.Diags {
		f := baseline.Finding{File: rootRel(root, cwd, d.File), Rule: d.Rule, Message: d.Message}
		if fr := files[d.File]; fr != nil && fr.File != nil {
			f.Line = fr.File.Line(d.Range.Start.Line)
		}
		for _, r := range d.Related {
			if r.File != d.File && r.File != "" {
				f.Others = append(f.Others, baseline.Location{File: rootRel(root, cwd, r.File), Line: lineOf(r.File, r.Range.Start.Line)})
			}
		}
		out[i] = f
	}
	return out
}

// readText reads a file's text (as the engine does for snippets) for the
// baseline's key of a clash; nil when it cannot be read (the key then has
// the file without its line).
func readText(display, path string) *source.File {
	f, err := safeopen.Regular(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lint.DefaultMaxFileSize+1))
	if err != nil || len(data) > lint.DefaultMaxFileSize {
		return nil
	}
	return source.Text(display, data)
}

// rootRel turns a path shown to the user (relative to cwd) into one
// relative to the project root, with '/' separators.
func rootRel(root, cwd, display string) string {
	p := filepath.FromSlash(display)
	if !filepath.IsAbs(p) {
		p = filepath.Join(cwd, p)
	}
	return lint.Display(root, p)
}

// checkedFiles says which baseline files a run can judge: the files it
// checked, and files that no longer exist (their entries can never match
// again). Files outside the run are left alone, so a partial run (a
// pre-commit hook) warns only about what it looked at.
func checkedFiles(res *lint.Result, root, cwd string) func(file string) bool {
	checked := map[string]bool{}
	for _, fr := range res.Files {
		checked[rootRel(root, cwd, fr.Path)] = true
	}
	return func(file string) bool {
		if checked[file] {
			return true
		}
		_, err := os.Lstat(filepath.Join(root, filepath.FromSlash(file)))
		return errors.Is(err, os.ErrNotExist)
	}
}

// narrowRun applies the baseline and then the selection to res, before
// any format sees it, and counts again. The baseline is matched against
// every finding (so an entry of a rule left out by --select is not called
// stale); Summary.Baselined counts the baselined findings the selection
// would have reported. It returns the stale entries.
func narrowRun(res *lint.Result, b *baseline.Baseline, sel *selection, root, cwd string) []baseline.Entry {
	var stale []baseline.Entry
	if b != nil {
		m := b.Matcher()
		kept := res.Diags[:0]
		baselined := 0
		for i, f := range findings(res, root, cwd) {
			d := res.Diags[i]
			if m.Match(f) {
				if sel.keeps(d) {
					baselined++
				}
				continue
			}
			kept = append(kept, d)
		}
		res.Diags = kept
		res.Summary.Baselined = baselined
		byFile := map[string][]diag.Diagnostic{}
		for _, d := range res.Diags {
			byFile[d.File] = append(byFile[d.File], d)
		}
		for _, fr := range res.Files {
			fr.Diags = byFile[fr.Path]
		}
		stale = m.Stale(checkedFiles(res, root, cwd))
	}
	sel.narrow(res)
	recount(res)
	return stale
}

// maxStaleShown bounds the stale entries listed one by one.
const maxStaleShown = 10

// warnStale tells about baseline entries that matched nothing.
func warnStale(w io.Writer, stale []baseline.Entry, file baselineFile) {
	if len(stale) == 0 {
		return
	}
	n := 0
	for _, e := range stale {
		n += e.Count
	}
	fmt.Fprintf(w, "apigwlint: warning: %s in the baseline %s no longer %s (fixed, or changed); 'apigwlint baseline --prune' drops %s:\n",
		countOf(n, "finding"), file.display, map[bool]string{true: "occurs", false: "occur"}[n == 1], map[bool]string{true: "it", false: "them"}[n == 1])
	for i, e := range stale {
		if i == maxStaleShown {
			fmt.Fprintf(w, "  … and %d more\n", len(stale)-maxStaleShown)
			break
		}
		times := ""
		if e.Count > 1 {
			times = fmt.Sprintf(" (%d times)", e.Count)
		}
		fmt.Fprintf(w, "  %s: %s [%s]%s\n", e.File, sanitizeLine(diag.Clip(e.Message)), e.Rule, times)
	}
}

// sanitizeLine keeps a message from a file on one line.
func sanitizeLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

const baselineUsage = `Usage: apigwlint baseline [flags] [path ...]

Records the findings of the paths (default: .) in the baseline, so that
'apigwlint lint' reports only findings added since: adopt apigwlint on a
repository with old findings, then fix them at your pace. Writes
` + baseline.FileName + ` in the project root, or the file named by
--output or by the configuration's baseline key.

Entries are keyed by file (relative to the project root), rule and a
fingerprint of the message and the line's text (no line numbers), and
counted; moving lines or definitions keeps them matching. A baseline of some
paths replaces the entries of the files checked and keeps the others.
--prune only drops entries that match nothing any more, and never adds one.

Flags:
`

// baselineCmd writes the baseline.
func (e *env) baselineCmd(args []string) int {
	fs := flag.NewFlagSet("apigwlint baseline", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	outPath := fs.String("output", "", "write the baseline to `FILE` (default: the configuration's baseline key, else "+baseline.FileName+" in the project root)")
	configPath := fs.String("config", "", "configuration `FILE` (default: .apigwlint.yaml looked up from the current directory upwards)")
	prune := fs.Bool("prune", false, "only drop the entries that match nothing any more; never add one")
	maxFileSize := fs.Int64("max-file-size", lint.DefaultMaxFileSize, "largest file checked, in `bytes`")
	cacheDir := fs.String("cache-dir", "", "keep per-file results in `DIR` (as lint)")
	noCache := fs.Bool("no-cache", false, "check every file, neither reading nor writing the result cache")
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fmt.Fprint(e.stderr, baselineUsage+b.String())
		return ExitOK
	}
	if err != nil {
		return e.flagError(fs, err, "apigwlint baseline --help")
	}
	for _, p := range paths {
		if p == "-" {
			fmt.Fprint(e.stderr, "apigwlint baseline: \"-\" (standard input) has no place in a baseline; name files or directories\n")
			return ExitUsage
		}
	}
	cwd, cfg, ok := e.configHere(*configPath)
	if !ok {
		return ExitUsage
	}
	root, _ := projectRoot(cwd, *configPath, cfg)
	target, _ := baselineFlags{file: *outPath}.locate(cwd, root, cfg)
	if root, out := config.LinksOut(target.path); out {
		fmt.Fprintf(e.stderr, "apigwlint: the baseline %s is a symlink to a file outside the repository (%s), which apigwlint neither reads nor replaces\n", target.display, root)
		return ExitUsage
	}
	old, err := baseline.Read(target.path, target.display)
	if errors.Is(err, os.ErrNotExist) {
		old, err = nil, nil
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: cannot update the baseline %v (delete it to start again)\n", err)
		return ExitUsage
	}
	if *prune && old == nil {
		fmt.Fprintf(e.stderr, "apigwlint baseline --prune: there is no baseline %s to prune\n", target.display)
		return ExitUsage
	}
	opts := lint.Options{Paths: paths, MaxFileSize: *maxFileSize, Dir: cwd, ProjectRoot: root,
		Exclude: []string{target.exclude}}
	if cfg != nil {
		opts.Severity, opts.Ignored = cfg.Hooks(cwd)
	}
	opts.Cache = e.openCache(*cacheDir, *noCache)
	res, err := lint.Run(opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	if len(res.Errors) > 0 {
		for _, msg := range res.Errors {
			fmt.Fprintf(e.stderr, "apigwlint: %s\n", msg)
		}
		fmt.Fprintf(e.stderr, "apigwlint: the baseline %s was not written: some paths could not be checked\n", target.display)
		return ExitUsage
	}
	checked := checkedFiles(res, root, cwd)
	var b *baseline.Baseline
	if *prune {
		m := old.Matcher()
		for _, f := range findings(res, root, cwd) {
			m.Match(f)
		}
		b = m.Pruned(checked)
	} else {
		b = baseline.Merge(old, baseline.Build(findings(res, root, cwd)), func(file string) bool { return !checked(file) })
	}
	if err := writeAtomic(target.path, b.Encode); err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: cannot write %s: %v\n", target.display, err)
		return ExitUsage
	}
	verb := "wrote"
	if *prune {
		verb = fmt.Sprintf("pruned %s:", countOf(old.Findings()-b.Findings(), "finding"))
	}
	fmt.Fprintf(e.stdout, "%s %s: %s in %s\n", verb, target.display, countOf(b.Findings(), "finding"), countOf(b.Files(), "file"))
	return ExitOK
}
