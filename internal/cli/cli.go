// Package cli is the command line of apigwlint: flags, commands and exit
// codes. It holds no checking logic. Main takes its streams as arguments so
// the whole command line runs in-process in tests.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/apigwlint/apigwlint/internal/cache"
	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/lsp"
	"github.com/apigwlint/apigwlint/internal/output"
	"github.com/apigwlint/apigwlint/internal/tempfile"
	buildversion "github.com/apigwlint/apigwlint/internal/version"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

// Exit statuses.
const (
	ExitOK       = 0 // no error-level diagnostic, warnings within --max-warnings
	ExitFindings = 1 // diagnostics that fail the check
	ExitUsage    = 2 // the check could not be done as asked
)

const usage = `apigwlint checks Alibaba Cloud API Gateway definitions (CreateApi, CreateService):
request files, ROS templates and Serverless Devs s.yaml files.

Usage:
  apigwlint [lint] [flags] [path ...]       check files and directories (default: .)
  apigwlint lint --fix [path ...]           apply the safe suggested fixes (--diff: show them)
  apigwlint rules                           list rules with their severity
  apigwlint explain RULE                    explain one rule, with examples
  apigwlint schema CreateApi|CreateService  print an operation's JSON Schema
  apigwlint schema config                   print the JSON Schema of .apigwlint.yaml
  apigwlint config                          show the config file, project root and severities
  apigwlint init                            write a starter .apigwlint.yaml here
  apigwlint lsp                             run the language server (stdio)
  apigwlint version                         print the version

Run 'apigwlint COMMAND --help' for a command's flags.

Exit status: 0 no error (and warnings within --max-warnings), 1 diagnostics
that fail the check, 2 the check could not be done (bad flag, bad config,
unreadable path). With --diff: 1 when there is a fix to make.
`

type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// noDefaultCache: no result cache unless --cache-dir or
	// $APIGWLINT_CACHE_DIR asks for one (this package's tests, which must
	// never read or write the user's cache directory).
	noDefaultCache bool
}

// Main runs apigwlint with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	return (&env{stdin: stdin, stdout: stdout, stderr: stderr}).main(args)
}

func (e *env) main(args []string) (code int) {
	stdout, stderr := e.stdout, e.stderr
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "apigwlint: internal error: %v\n%s\nPlease report this with the input that caused it.\n", r, debug.Stack())
			code = ExitUsage
		}
	}()
	if len(args) > 0 {
		switch args[0] {
		case "lint":
			return e.lint(args[1:])
		case "rules":
			return e.rules(args[1:])
		case "explain":
			return e.explain(args[1:])
		case "schema":
			return e.schema(args[1:])
		case "init":
			return e.init(args[1:])
		case "lsp":
			return e.lsp(args[1:])
		case "config":
			return e.configCmd(args[1:])
		case "version", "--version":
			if len(args) > 1 {
				if args[1] == "-h" || args[1] == "-help" || args[1] == "--help" {
					fmt.Fprint(stdout, "Usage: apigwlint version\n\nPrints the version, with the commit and date of a release build or the\nVCS revision Go recorded in a build from source.\n")
					return ExitOK
				}
				return e.unexpected("version", args[1])
			}
			fmt.Fprintf(stdout, "apigwlint %s\n", buildversion.Get())
			return ExitOK
		case "help", "-h", "-help", "--help":
			if len(args) > 1 {
				// apigwlint help lint: that command's help.
				if args[1] != "help" && slices.Contains(commands, args[1]) {
					return e.main([]string{args[1], "--help"})
				}
				return e.unexpected("help", args[1])
			}
			fmt.Fprint(stdout, usage+"\nFlags of lint:\n"+lintFlagDefaults())
			return ExitOK
		}
		if s := unknownCommand(args[0]); s != "" {
			fmt.Fprintf(stderr, "apigwlint: unknown command %q; did you mean %q? (see 'apigwlint --help')\n", args[0], s)
			return ExitUsage
		}
	}
	return e.lint(args)
}

// version is the version alone, for reports and the language server
// (internal/version: stamped by a release, else from the build information).
func version() string { return buildversion.Get().Short() }

// parseInterleaved lets flags follow paths (apigwlint dir --format json).
// Everything after "--" is a path, even when it starts with "-".
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var after []string
	for i, a := range args {
		if a == "--" {
			args, after = args[:i], args[i+1:]
			break
		}
	}
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		// flag stops at the first non-flag: take paths up to the next flag.
		i := 0
		for i < len(args) && (!strings.HasPrefix(args[i], "-") || args[i] == "-") {
			paths = append(paths, args[i])
			i++
		}
		if i == len(args) {
			return append(paths, after...), nil
		}
		args = args[i:]
	}
}

type lintFlags struct {
	format, output, color, config, stdinFilename string
	maxWarnings                                  int
	skipNonDefs                                  bool
	maxFileSize                                  int64
	cacheDir                                     string
	noCache                                      bool
	printConfig                                  bool
	fixes                                        fixFlags
}

// lintFlagSet defines the flags of lint into f; its output is discarded
// (a mistake is reported in one line by flagError; --help prints
// lintFlagDefaults).
func lintFlagSet(f *lintFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("apigwlint lint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(output.Names(), ", "))
	fs.StringVar(&f.output, "output", "", "write the report to `FILE` (the summary still goes to standard output; a device, FIFO or symlink is written in place)")
	fs.StringVar(&f.color, "color", "auto", "colour the text output: auto, always, never (auto: only on a terminal, and not when NO_COLOR is set)")
	fs.IntVar(&f.maxWarnings, "max-warnings", -1, "exit 1 when there are more than `N` warnings (-1: no limit)")
	fs.StringVar(&f.config, "config", "", "configuration `FILE` (default: .apigwlint.yaml looked up from the current directory upwards)")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "the `PATH` that standard input (\"-\") stands for")
	fs.BoolVar(&f.skipNonDefs, "skip-non-definitions", false, "skip a named file that holds no definition instead of reporting it (for hooks that name every staged YAML file)")
	fs.Int64Var(&f.maxFileSize, "max-file-size", lint.DefaultMaxFileSize, "largest file checked, in `bytes`")
	fs.StringVar(&f.cacheDir, "cache-dir", "", "keep per-file results in `DIR` (default: $APIGWLINT_CACHE_DIR, else the user cache directory + /apigwlint)")
	fs.BoolVar(&f.noCache, "no-cache", false, "check every file, neither reading nor writing the result cache")
	fs.BoolVar(&f.printConfig, "print-config", false, "print the configuration file, project root and severities this run would use (as 'apigwlint config'), and check nothing")
	addFixFlags(fs, &f.fixes)
	return fs
}

// lintFlagDefaults is the flag list of lint, as --help prints it.
func lintFlagDefaults() string {
	var b strings.Builder
	fs := lintFlagSet(&lintFlags{})
	fs.SetOutput(&b)
	fs.PrintDefaults()
	return b.String()
}

func (e *env) lint(args []string) int {
	defer profile()()
	var f lintFlags
	fs := lintFlagSet(&f)
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(e.stderr, "Usage: apigwlint [lint] [flags] [path ...]\n\nChecks files and directories (default: the current directory); \"-\" reads standard input.\n\nFlags:\n"+lintFlagDefaults())
		return ExitOK
	}
	if err != nil {
		return e.flagError(fs, err, "apigwlint --help")
	}
	if f.stdinFilename != "" && !slices.Contains(paths, "-") {
		fmt.Fprintf(e.stderr, "apigwlint: --stdin-filename says what standard input stands for, but \"-\" (read standard input) is not among the paths; see 'apigwlint --help'\n")
		return ExitUsage
	}
	if f.color != "auto" && f.color != "always" && f.color != "never" {
		return e.badValue("--color", f.color, "auto, always or never")
	}
	if !slices.Contains(output.Names(), f.format) {
		return e.badValue("--format", f.format, strings.Join(output.Names(), ", "))
	}
	if err := checkFixFlags(&f.fixes, paths); err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	var reportTo io.Writer = e.stdout
	useColor := decideColor(f.color, e.stdout, isTerminal)
	if f.output != "" {
		useColor = f.color == "always"
	}
	wd, _ := os.Getwd() // the base of the report's relative paths; "" leaves it unresolved
	formatter, err := output.New(f.format, output.Options{Color: useColor, Version: version(), SrcRoot: wd})
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	cfg, ok := e.loadConfig(cwd, f.config)
	if !ok {
		return ExitUsage
	}
	if f.printConfig {
		return e.printConfig(cwd, f.config, cfg, f.format == "json")
	}
	opts := lint.Options{Paths: paths, Stdin: e.stdin, StdinFilename: f.stdinFilename, MaxFileSize: f.maxFileSize, Dir: cwd,
		SkipNonDefinitions: f.skipNonDefs}
	if cfg != nil {
		opts.Severity, opts.Ignored = cfg.Hooks(cwd)
	}
	opts.ProjectRoot, _ = projectRoot(cwd, f.config, cfg)
	if f.output != "" {
		if abs, err := filepath.Abs(f.output); err == nil {
			opts.Exclude = append(opts.Exclude, abs)
		}
	}
	var res *lint.Result
	if f.fixes.on() {
		var code int
		var done bool
		if res, code, done = e.lintFixing(opts, &f); done {
			return code
		}
	} else {
		opts.Cache = e.openCache(f.cacheDir, f.noCache)
		if res, err = lint.Run(opts); err != nil {
			fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
			return ExitUsage
		}
	}
	if f.output != "" {
		if err := writeReport(f.output, func(w io.Writer) error { return formatter.Format(w, res) }); err != nil {
			fmt.Fprintf(e.stderr, "apigwlint: cannot write %s: %v\n", f.output, err)
			return ExitUsage
		}
		summary := &output.Text{Color: decideColor(f.color, e.stdout, isTerminal)}
		only := *res
		only.Diags = nil
		if err := summary.Format(reportTo, &only); err != nil {
			return ExitUsage
		}
	} else if err := formatter.Format(reportTo, res); err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	for _, msg := range res.Errors {
		fmt.Fprintf(e.stderr, "apigwlint: %s\n", msg)
	}
	switch {
	case len(res.Errors) > 0:
		return ExitUsage
	case res.Summary.Errors > 0:
		return ExitFindings
	case f.maxWarnings >= 0 && res.Summary.Warnings > f.maxWarnings:
		fmt.Fprintf(e.stderr, "apigwlint: %s, more than --max-warnings %d\n", countOf(res.Summary.Warnings, "warning"), f.maxWarnings)
		return ExitFindings
	}
	return ExitOK
}

// decideColor decides colour for the stream actually written to
// (fatih/color alone would look at stdout only); terminal tells whether w
// is a terminal.
func decideColor(mode string, w io.Writer, terminal func(io.Writer) bool) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return terminal(w)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// writeReport writes the report to path. A path that exists and is not a
// regular file is written in place, as a shell's ">" would: a device
// (/dev/null, /dev/stdout), a FIFO, or a symlink, whose target is written
// through (the link stays a link). Anything else is written through a
// temporary file and a rename, so that a reader never sees half a report.
// Errors name no temporary file: the caller names path.
func writeReport(path string, write func(io.Writer) error) error {
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return writeInPlace(path, write)
	}
	return writeAtomic(path, write)
}

// writeInPlace opens an existing path for writing (following a symlink,
// never creating anything) and writes to it.
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return errors.New("it is a symlink to a file that does not exist")
		}
		return bare(err)
	}
	if err := write(f); err != nil {
		f.Close()
		return bare(err)
	}
	return bare(f.Close())
}

// writeAtomic writes a file through a temporary file and a rename, so that
// a reader never sees half a report.
func writeAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, done, err := tempfile.Create(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return bare(err)
	}
	defer done()
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return bare(err)
	}
	// CreateTemp makes the file 0600; a report is read by later CI steps,
	// perhaps as another user. Keep the mode of a file being replaced.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return bare(err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return bare(err)
	}
	if err := tmp.Close(); err != nil {
		return bare(err)
	}
	return bare(os.Rename(tmp.Name(), path))
}

// bare strips the path from a file system error ("open
// /out/.report.json.tmp-123: permission denied" → "permission denied"),
// so that a message names the path the user gave and not a temporary file.
func bare(err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// projectRoot decides the directory whose definitions the cross-file rules
// compare, and says why (for 'apigwlint config'):
//   - the configuration's root key, when it has one;
//   - a configuration found from the working directory upwards: its
//     directory (its globs are relative to it too);
//   - one named by --config elsewhere (a shared or CI-only file) must not
//     shrink the project to the config's directory: the nearest directory
//     holding .git, from the working directory upwards, else the config's
//     directory;
//   - no configuration: the nearest directory holding .git, from the
//     working directory upwards, else the working directory (lint's own
//     search, lint.ProjectRoot).
func projectRoot(cwd, explicit string, cfg *config.Config) (root, why string) {
	if cfg == nil {
		return lint.ProjectRoot("", cwd), "the nearest directory holding .git, else the current directory"
	}
	if cfg.Root != "" {
		return cfg.Root, "the root key of the configuration"
	}
	if explicit != "" {
		found, _ := config.Find(cwd)
		if found == "" || !sameFile(found, cfg.Path) {
			if git := gitRoot(cwd); git != "" {
				return git, "the enclosing repository (.git) of the current directory; --config names a file elsewhere"
			}
			return cfg.Dir, "the directory of the configuration (no .git above the current directory)"
		}
	}
	return cfg.Dir, "the directory of the configuration"
}

// gitRoot is the nearest directory from dir upwards holding .git (a
// directory, or a file in a worktree or submodule); "" when there is none.
func gitRoot(dir string) string {
	for cur := filepath.Clean(dir); ; {
		if _, err := os.Lstat(filepath.Join(cur, ".git")); err == nil {
			return cur
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return ""
		}
		cur = parent
	}
}

func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// loadConfig reads the configuration named by --config, or the one found
// from the working directory upwards; nil when there is none. ok is false
// when the configuration is bad (the problems are printed, exit status 2).
func (e *env) loadConfig(cwd, explicit string) (cfg *config.Config, ok bool) {
	path := explicit
	if path == "" {
		found, err := config.Find(cwd)
		if err != nil {
			fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
			return nil, false
		}
		if found == "" {
			return nil, true
		}
		path = found
	}
	// A file named with --config is named as it was given (an absolute
	// path is not rewritten as ../../x); a file found is shown relative to
	// the working directory.
	display := explicit
	if display == "" {
		display = lint.Display(cwd, path)
	}
	cfg, err := config.Load(path, display)
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			for _, p := range ce.Problems {
				fmt.Fprintf(e.stderr, "apigwlint: %s\n", p)
			}
			fmt.Fprintf(e.stderr, "apigwlint: the configuration %s has %s; nothing was checked\n", ce.Problems[0].File, countOf(len(ce.Problems), "mistake"))
		} else {
			fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		}
		return nil, false
	}
	return cfg, true
}

func (e *env) rules(args []string) int {
	fs := flag.NewFlagSet("apigwlint rules", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	configPath := fs.String("config", "", "configuration `FILE` (default: .apigwlint.yaml looked up from the current directory upwards)")
	if code, done := e.parseFlags(fs, args, "Usage: apigwlint rules [--config FILE]\n\nLists every rule: id, severity under the configuration, default severity, operation, summary.\n\nFlags:\n"); done {
		return code
	}
	if fs.NArg() > 0 {
		return e.unexpected("rules", fs.Arg(0))
	}
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	cfg, ok := e.loadConfig(cwd, *configPath)
	if !ok {
		return ExitUsage
	}
	w := e.stdout
	fmt.Fprintf(w, "%-38s %-9s %-8s %-14s %s\n", "RULE", "SEVERITY", "DEFAULT", "OPERATION", "SUMMARY")
	marked := false
	for _, r := range rules.All() {
		op := r.Op
		if op == "" {
			op = "any"
		}
		sev := cfg.Base(r).String()
		if cfg.Overridden(r) {
			sev += "*"
			marked = true
		}
		fmt.Fprintf(w, "%-38s %-9s %-8s %-14s %s\n", r.ID, sev, r.Severity, op, r.Doc.Summary)
	}
	if cfg != nil {
		fmt.Fprintf(w, "\nSeverities under %s", lint.Display(cwd, cfg.Path))
		if marked {
			fmt.Fprint(w, "; * overrides there change the rule for some files")
		}
		fmt.Fprintln(w, ".")
	}
	return ExitOK
}

// init writes a starter configuration into the working directory.
func (e *env) init(args []string) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprintf(e.stdout, "Usage: apigwlint init\n\nWrites %s in the current directory: every rule at its default severity with a comment each, and commented examples of ignore and overrides. An existing file is never overwritten.\n", config.FileNames[0])
		return ExitOK
	}
	if len(args) != 0 {
		fmt.Fprint(e.stderr, "Usage: apigwlint init (it takes no arguments; run it in the directory that should hold the configuration)\n")
		return ExitUsage
	}
	for _, name := range config.FileNames {
		if _, err := os.Lstat(name); err == nil {
			fmt.Fprintf(e.stderr, "apigwlint: %s already exists; not overwriting it (edit it, or delete it and run init again)\n", name)
			return ExitUsage
		}
	}
	name := config.FileNames[0]
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: cannot write %s: %v\n", name, err)
		return ExitUsage
	}
	_, werr := f.Write(config.Starter())
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(name)
		fmt.Fprintf(e.stderr, "apigwlint: cannot write %s: %v\n", name, werr)
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d rules at their default severity\n", name, len(rules.All()))
	if cwd, err := os.Getwd(); err == nil {
		if parent, _ := config.Find(filepath.Dir(cwd)); parent != "" {
			fmt.Fprintf(e.stdout, "note: below this directory it takes the place of %s\n", parent)
		}
	}
	return ExitOK
}

func (e *env) explain(args []string) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprint(e.stdout, "Usage: apigwlint explain RULE\n\nPrints what a rule checks, why, and an example on which it fires and one on which it does not.\n")
		return ExitOK
	}
	if len(args) != 1 {
		fmt.Fprint(e.stderr, "Usage: apigwlint explain RULE (see 'apigwlint rules')\n")
		return ExitUsage
	}
	r := rules.ByID(args[0])
	if r == nil {
		msg := fmt.Sprintf("apigwlint: unknown rule %q", args[0])
		if s := schema.Suggest(args[0], rules.IDs()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		fmt.Fprintln(e.stderr, msg+" (see 'apigwlint rules')")
		return ExitUsage
	}
	fmt.Fprint(e.stdout, Explain(r))
	return ExitOK
}

// Explain renders a rule's document, as `apigwlint explain` prints it.
func Explain(r *rules.Rule) string {
	var b strings.Builder
	op := r.Op
	if op == "" {
		op = "any operation"
	}
	fmt.Fprintf(&b, "%s (%s, %s)\n\n%s\n\n", r.ID, severityWord(r.Severity), op, r.Doc.Summary)
	fmt.Fprintf(&b, "Why:\n%s\n", indent(r.Doc.Why))
	if r.Doc.Fix.Safety != rules.NoFix {
		fmt.Fprintf(&b, "\nFix (%s; lint --fix%s):\n%s\n", r.Doc.Fix.Safety, fixApplied(r.Doc.Fix.Safety), indent(r.Doc.Fix.Text))
	}
	example := func(title string, one string, many map[string]string) {
		if one == "" && len(many) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", title)
		if one != "" {
			b.WriteString(indent(one))
		}
		for _, name := range sortedKeys(many) {
			fmt.Fprintf(&b, "  # %s\n%s", name, indent(many[name]))
		}
	}
	example("Fires on", r.Doc.Bad, r.Doc.BadFiles)
	example("Does not fire on", r.Doc.Good, r.Doc.GoodFiles)
	return b.String()
}

func severityWord(s diag.Severity) string {
	if s == diag.Off {
		return "off by default"
	}
	return s.String() + " by default"
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("    " + l + "\n")
	}
	return b.String()
}

func (e *env) schema(args []string) int {
	if len(args) != 1 || args[0] == "-h" || args[0] == "--help" {
		w := e.stderr
		code := ExitUsage
		if len(args) == 1 {
			w, code = e.stdout, ExitOK
		}
		fmt.Fprintf(w, "Usage: apigwlint schema %s|config\n\nPrints an operation's JSON Schema (draft 2020-12), e.g. for yaml-language-server, or the schema of .apigwlint.yaml.\n", strings.Join(schema.Ops, "|"))
		return code
	}
	if args[0] == "config" {
		raw, err := config.Schema()
		if err != nil {
			fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
			return ExitUsage
		}
		e.stdout.Write(raw)
		return ExitOK
	}
	raw, err := schema.Published(args[0])
	if err != nil {
		msg := fmt.Sprintf("apigwlint: no schema %q (use %s or config)", args[0], strings.Join(schema.Ops, ", "))
		if s := schema.Suggest(args[0], append([]string{"config"}, schema.Ops...)); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		fmt.Fprintln(e.stderr, msg)
		return ExitUsage
	}
	e.stdout.Write(raw)
	if len(raw) > 0 && raw[len(raw)-1] != '\n' {
		fmt.Fprintln(e.stdout)
	}
	return ExitOK
}

// lsp runs the language server on standard input and output until the
// editor ends the session.
func (e *env) lsp(args []string) int {
	fs := flag.NewFlagSet("apigwlint lsp", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "wait this long after a change before linting")
	// Editors' generic clients often pass --stdio; stdio is the only transport.
	fs.Bool("stdio", false, "accepted for clients that pass it: standard input and output is the only transport")
	cacheDir := fs.String("cache-dir", "", "keep per-file results in `DIR` (default: $APIGWLINT_CACHE_DIR, else the user cache directory + /apigwlint)")
	noCache := fs.Bool("no-cache", false, "read every project file on every change, without the result cache")
	if code, done := e.parseFlags(fs, args, "Usage: apigwlint lsp [flags]\n\nRuns the Language Server Protocol server over standard input and output, for editors.\n\nFlags:\n"); done {
		return code
	}
	if fs.NArg() > 0 {
		return e.unexpected("lsp", fs.Arg(0))
	}
	if err := schema.Init(); err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	linter := lsp.FileLinter{CacheDir: e.lspCacheDir(*cacheDir, *noCache)}
	return lsp.Serve(e.stdin, e.stdout, lsp.Options{Linter: linter, Debounce: *debounce, Version: version(), Log: e.stderr})
}

// lspCacheDir is where the language server keeps the result cache, as
// `apigwlint lint` decides it; "" = none.
func (e *env) lspCacheDir(dir string, off bool) string {
	if off {
		return ""
	}
	if dir != "" {
		return dir
	}
	if os.Getenv("APIGWLINT_CACHE_DIR") == "" && e.noDefaultCache {
		return ""
	}
	d, err := cache.DefaultDir()
	if err != nil {
		return ""
	}
	return d
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
