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
	"sort"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/output"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

// Version of apigwlint; a release build may set it with -ldflags -X.
var Version = "0.1.0-dev"

// Exit statuses.
const (
	ExitOK       = 0 // no error-level diagnostic, warnings within --max-warnings
	ExitFindings = 1 // diagnostics that fail the check
	ExitUsage    = 2 // the check could not be done as asked
)

const usage = `apigwlint checks Alibaba Cloud API Gateway definitions (CreateApi, CreateService).

Usage:
  apigwlint [lint] [flags] [path ...]       check files and directories (default: .)
  apigwlint rules                           list rules with their severity
  apigwlint explain RULE                    explain one rule, with examples
  apigwlint schema CreateApi|CreateService  print an operation's JSON Schema
  apigwlint version                         print the version

Run 'apigwlint COMMAND --help' for a command's flags.

Exit status: 0 no error (and warnings within --max-warnings), 1 diagnostics
that fail the check, 2 the check could not be done (bad flag, bad config,
unreadable path).
`

type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// Main runs apigwlint with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
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
		case "version", "--version":
			fmt.Fprintf(stdout, "apigwlint %s\n", version())
			return ExitOK
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return ExitOK
		}
	}
	return e.lint(args)
}

func version() string {
	if Version != "0.1.0-dev" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return Version
}

// parseInterleaved lets flags follow paths (apigwlint dir --format json).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		// flag stops at the first non-flag; "--" ends flags for good.
		if fs.NArg() > 0 && len(args) > 0 {
			consumed := false
			for i, a := range args {
				if a == "--" {
					rest = append(rest, args[i+1:]...)
					return rest, nil
				}
				if strings.HasPrefix(a, "-") && a != "-" {
					args = args[i:]
					consumed = true
					break
				}
				rest = append(rest, a)
			}
			if !consumed {
				return rest, nil
			}
		}
	}
}

type lintFlags struct {
	format, output, color, config, stdinFilename string
	maxWarnings                                  int
	maxFileSize                                  int64
	cacheDir                                     string
	noCache                                      bool
}

func (e *env) lint(args []string) int {
	defer profile()()
	fs := flag.NewFlagSet("apigwlint lint", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var f lintFlags
	fs.StringVar(&f.format, "format", "text", "output format: "+strings.Join(output.Names(), ", "))
	fs.StringVar(&f.output, "output", "", "write the report to `FILE` (the summary still goes to standard output)")
	fs.StringVar(&f.color, "color", "auto", "colour the text output: auto, always, never (auto: only on a terminal, and not when NO_COLOR is set)")
	fs.IntVar(&f.maxWarnings, "max-warnings", -1, "exit 1 when there are more than `N` warnings (-1: no limit)")
	fs.StringVar(&f.config, "config", "", "configuration `FILE` (default: .apigwlint.yaml looked up from the current directory upwards)")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "the `PATH` that standard input (\"-\") stands for")
	fs.Int64Var(&f.maxFileSize, "max-file-size", lint.DefaultMaxFileSize, "largest file checked, in `bytes`")
	fs.StringVar(&f.cacheDir, "cache-dir", "", "keep per-file results in `DIR` (default: $APIGWLINT_CACHE_DIR, else the user cache directory + /apigwlint)")
	fs.BoolVar(&f.noCache, "no-cache", false, "check every file, neither reading nor writing the result cache")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, "Usage: apigwlint [lint] [flags] [path ...]\n\nChecks files and directories (default: the current directory); \"-\" reads standard input.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitUsage
	}
	if f.color != "auto" && f.color != "always" && f.color != "never" {
		fmt.Fprintf(e.stderr, "apigwlint: --color must be auto, always or never, not %q\n", f.color)
		return ExitUsage
	}
	var reportTo io.Writer = e.stdout
	useColor := decideColor(f.color, e.stdout)
	if f.output != "" {
		useColor = f.color == "always"
	}
	formatter, err := output.New(f.format, output.Options{Color: useColor, Version: version()})
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	opts := lint.Options{Paths: paths, Stdin: e.stdin, StdinFilename: f.stdinFilename, MaxFileSize: f.maxFileSize}
	opts.Cache = e.openCache(f.cacheDir, f.noCache)
	res, err := lint.Run(opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return ExitUsage
	}
	if f.output != "" {
		if err := writeAtomic(f.output, func(w io.Writer) error { return formatter.Format(w, res) }); err != nil {
			fmt.Fprintf(e.stderr, "apigwlint: cannot write %s: %v\n", f.output, err)
			return ExitUsage
		}
		summary := &output.Text{Color: decideColor(f.color, e.stdout)}
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
		fmt.Fprintf(e.stderr, "apigwlint: %d warnings, more than --max-warnings %d\n", res.Summary.Warnings, f.maxWarnings)
		return ExitFindings
	}
	return ExitOK
}

// decideColor decides colour for the stream actually written to
// (fatih/color alone would look at stdout only).
func decideColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// writeAtomic writes a file through a temporary file and a rename, so that
// a reader never sees half a report.
func writeAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (e *env) rules(args []string) int {
	fs := flag.NewFlagSet("apigwlint rules", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprint(e.stderr, "Usage: apigwlint rules\n\nLists every rule: id, default severity, operation, summary.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	w := e.stdout
	fmt.Fprintf(w, "%-38s %-8s %-14s %s\n", "RULE", "SEVERITY", "OPERATION", "SUMMARY")
	for _, r := range rules.All() {
		op := r.Op
		if op == "" {
			op = "any"
		}
		fmt.Fprintf(w, "%-38s %-8s %-14s %s\n", r.ID, r.Severity, op, r.Doc.Summary)
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
		fmt.Fprintf(w, "Usage: apigwlint schema %s\n\nPrints an operation's JSON Schema (draft 2020-12), e.g. for yaml-language-server.\n", strings.Join(schema.Ops, "|"))
		return code
	}
	raw, err := schema.Published(args[0])
	if err != nil {
		msg := fmt.Sprintf("apigwlint: no schema %q (use %s)", args[0], strings.Join(schema.Ops, " or "))
		if s := schema.Suggest(args[0], schema.Ops); s != "" {
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

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
