package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

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
	if code, done := e.parseFlags(fs, args, "Usage: apigwlint config [--config FILE] [--format text|json]\n\nPrints the configuration file a lint run here uses, the project root that cross-file rules compare, the ignore globs and each rule's effective severity.\n\nFlags:\n"); done {
		return code
	}
	if fs.NArg() > 0 {
		return e.unexpected("config", fs.Arg(0))
	}
	if *format != "text" && *format != "json" {
		return e.badValue("--format", *format, "text or json")
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
	return e.printConfig(cwd, *configPath, cfg, *format == "json")
}

// printConfig prints the configuration a run uses (apigwlint config, lint
// --print-config); explicit is the --config given ("" when found).
func (e *env) printConfig(cwd, explicit string, cfg *config.Config, asJSON bool) int {
	root, why := projectRoot(cwd, explicit, cfg)
	type ruleSev struct {
		ID         string `json:"id"`
		Severity   string `json:"severity"`
		Default    string `json:"default"`
		Overridden bool   `json:"overridden"`
	}
	var out struct {
		Config      *string   `json:"config"`
		ProjectRoot string    `json:"projectRoot"`
		RootReason  string    `json:"projectRootReason"`
		Ignore      []string  `json:"ignore"`
		Overrides   int       `json:"overrides"`
		Rules       []ruleSev `json:"rules"`
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
		out.Rules = append(out.Rules, ruleSev{ID: r.ID, Severity: cfg.Base(r).String(), Default: r.Severity.String(), Overridden: cfg.Overridden(r)})
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
	fmt.Fprintf(w, "\n%-38s %-9s %s\n", "RULE", "SEVERITY", "DEFAULT")
	for _, r := range out.Rules {
		sev := r.Severity
		if r.Overridden {
			sev += "*"
		}
		fmt.Fprintf(w, "%-38s %-9s %s\n", r.ID, sev, r.Default)
	}
	return ExitOK
}
