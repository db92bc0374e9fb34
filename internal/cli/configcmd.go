package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// configCmd prints what a lint run from here would use: the configuration
// file, the project root the cross-file rules compare (and why), the
// ignore globs and every rule's effective severity.
func (e *env) configCmd(args []string) int {
	fs := flag.NewFlagSet("apigwlint config", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	configPath := fs.String("config", "", "configuration `FILE` (default: .apigwlint.yaml looked up from the current directory upwards)")
	format := fs.String("format", "text", "text or json")
	var sel selectionFlags
	var bl baselineFlags
	defineSelectionFlags(fs, &sel)
	defineBaselineFlags(fs, &bl)
	if code, done := e.parseFlags(fs, args, "Usage: apigwlint config [--config FILE] [--format text|json] [lint's --select, --ignore, --severity, --baseline]\n\nPrints the configuration file a lint run here uses, the project root that cross-file rules compare, the ignore globs, the baseline, each rule's effective severity and, with a selection, whether the run reports it.\n\nFlags:\n"); done {
		return code
	}
	if fs.NArg() > 0 {
		return e.unexpected("config", fs.Arg(0))
	}
	if *format != "text" && *format != "json" {
		return e.badValue("--format", *format, "text or json")
	}
	cwd, cfg, ok := e.configHere(*configPath)
	if !ok {
		return ExitUsage
	}
	run, ok := e.runSettings(cwd, *configPath, cfg, sel, bl)
	if !ok {
		return ExitUsage
	}
	return e.printConfig(cwd, *configPath, cfg, *format == "json", run)
}

// settings are what the flags of one run add to the configuration.
type settings struct {
	sel      *selection // nil: every rule the configuration turns on
	baseline baselineFile
}

// runSettings resolves the selection and finds the baseline; ok is false
// when a flag is wrong (printed, exit status 2).
func (e *env) runSettings(cwd, explicit string, cfg *config.Config, sf selectionFlags, bf baselineFlags) (run settings, ok bool) {
	sel, err := sf.resolve()
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return run, false
	}
	root, _ := projectRoot(cwd, explicit, cfg)
	file, err := bf.locate(cwd, root, cfg)
	if err != nil {
		fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
		return run, false
	}
	return settings{sel: sel, baseline: file}, true
}

// printConfig prints the configuration a run uses (apigwlint config, lint
// --print-config); explicit is the --config given ("" when found).
func (e *env) printConfig(cwd, explicit string, cfg *config.Config, asJSON bool, run settings) int {
	root, why := projectRoot(cwd, explicit, cfg)
	type ruleSev struct {
		ID         string `json:"id"`
		Severity   string `json:"severity"`
		Default    string `json:"default"`
		Overridden bool   `json:"overridden"`
		// Selected: --select, --ignore and --severity leave the rule
		// reported (at the --severity level or above).
		Selected bool `json:"selected"`
	}
	type baselineInfo struct {
		File    string `json:"file"`
		Reason  string `json:"reason"`
		Exists  bool   `json:"exists"`
		Entries int    `json:"findings"`
	}
	var out struct {
		Config      *string       `json:"config"`
		ProjectRoot string        `json:"projectRoot"`
		RootReason  string        `json:"projectRootReason"`
		Ignore      []string      `json:"ignore"`
		Overrides   int           `json:"overrides"`
		Baseline    *baselineInfo `json:"baseline"`
		Selection   *selection    `json:"selection"`
		Rules       []ruleSev     `json:"rules"`
	}
	out.Selection = run.sel
	if bf := run.baseline; bf.path != "" {
		out.Baseline = &baselineInfo{File: bf.display, Reason: bf.why}
		if b, err := bf.load(); err != nil {
			fmt.Fprintf(e.stderr, "apigwlint: %v\n", err)
			return ExitUsage
		} else if b != nil {
			out.Baseline.Exists, out.Baseline.Entries = true, b.Findings()
		}
	}
	out.ProjectRoot, out.RootReason, out.Ignore = root, why, []string{}
	if cfg != nil {
		shown := lint.Display(cwd, cfg.Path)
		out.Config = &shown
		for _, g := range cfg.Ignore {
			out.Ignore = append(out.Ignore, g.Pattern)
		}
		out.Overrides = len(cfg.Overrides)
	}
	for _, r := range rules.All() {
		out.Rules = append(out.Rules, ruleSev{ID: r.ID, Severity: cfg.Base(r).String(), Default: r.Severity.String(), Overridden: cfg.Overridden(r),
			Selected: run.sel.selected(r)})
	}
	w := e.stdout
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return ExitUsage
		}
		return ExitOK
	}
	if out.Config != nil {
		fmt.Fprintf(w, "config file:  %s\n", *out.Config)
	} else {
		fmt.Fprint(w, "config file:  none (every rule at its default severity)\n")
	}
	fmt.Fprintf(w, "project root: %s\n              (%s)\n", root, why)
	if len(out.Ignore) == 0 {
		fmt.Fprint(w, "ignore:       nothing\n")
	}
	for i, g := range out.Ignore {
		label := "ignore:      "
		if i > 0 {
			label = "             "
		}
		fmt.Fprintf(w, "%s %s\n", label, g)
	}
	if out.Overrides > 0 {
		fmt.Fprintf(w, "overrides:    %d (rules marked * have another severity for some files)\n", out.Overrides)
	}
	switch b := out.Baseline; {
	case b == nil:
		fmt.Fprint(w, "baseline:     none (--no-baseline)\n")
	case b.Exists:
		fmt.Fprintf(w, "baseline:     %s, %s\n              (%s)\n", b.File, countOf(b.Entries, "finding"), b.Reason)
	default:
		fmt.Fprintf(w, "baseline:     none (%s does not exist; 'apigwlint baseline' writes it)\n", b.File)
	}
	if s := out.Selection; s != nil {
		var parts []string
		if len(s.Select) > 0 {
			parts = append(parts, "--select "+strings.Join(s.Select, ","))
		}
		if len(s.Ignore) > 0 {
			parts = append(parts, "--ignore "+strings.Join(s.Ignore, ","))
		}
		if s.Severity != "warning" {
			parts = append(parts, "--severity "+s.Severity)
		}
		fmt.Fprintf(w, "selection:    %s (REPORTED: whether this run reports the rule)\n", strings.Join(parts, " "))
		fmt.Fprintf(w, "\n%-38s %-9s %-8s %s\n", "RULE", "SEVERITY", "DEFAULT", "REPORTED")
	} else {
		fmt.Fprintf(w, "\n%-38s %-9s %s\n", "RULE", "SEVERITY", "DEFAULT")
	}
	for _, r := range out.Rules {
		sev := r.Severity
		if r.Overridden {
			sev += "*"
		}
		if out.Selection != nil {
			reported := "yes"
			switch {
			case !r.Selected, r.Severity == "off" && !r.Overridden:
				reported = "no"
			case out.Selection.Severity == "error":
				reported = "errors"
			}
			fmt.Fprintf(w, "%-38s %-9s %-8s %s\n", r.ID, sev, r.Default, reported)
			continue
		}
		fmt.Fprintf(w, "%-38s %-9s %s\n", r.ID, sev, r.Default)
	}
	return ExitOK
}
