package cli

import (
	"errors"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/config"
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

// Selection narrows one run, after the configuration: --select and
// --ignore take rule ids or prefixes (ruff-style: duplicate- or duplicate
// is every duplicate-* rule), --severity error reports errors only.
//
// They only narrow: a rule that the configuration (or its default) turns
// off stays off, whatever --select says (SPEC: "--select/--ignore narrow
// one run"); turning a rule on is the configuration's job, and a --select
// that names only rules turned off says so on standard error. --ignore
// wins over --select. The rules that say a file could not be read at all
// (syntax, encoding, limit) are always reported: nothing else in such a
// file was checked, so a narrowed run would otherwise call it clean.

// alwaysReported are the rules no selection hides.
var alwaysReported = map[string]bool{"syntax": true, "encoding": true, "limit": true}

// listFlag collects comma-separated values from one or more uses of a flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	n := 0
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
			n++
		}
	}
	if n == 0 {
		return errors.New("name at least one rule id or prefix")
	}
	return nil
}

type selectionFlags struct {
	selects, ignores listFlag
	severity         string
}

func defineSelectionFlags(fs *flag.FlagSet, s *selectionFlags) {
	fs.Var(&s.selects, "select", "report only the rules `RULE,...`: ids, or prefixes such as duplicate- for every duplicate-* rule (among the rules the configuration turns on; syntax, encoding and limit are always reported)")
	fs.Var(&s.ignores, "ignore", "do not report the rules `RULE,...` (ids or prefixes); wins over --select")
	fs.StringVar(&s.severity, "severity", "warning", "report only diagnostics of this `level` and above: error, or warning (everything)")
}

// selection is a resolved selection; nil selects everything.
type selection struct {
	Select   []string `json:"select"`
	Ignore   []string `json:"ignore"`
	Severity string   `json:"severity"`

	keep        map[string]bool // rule id → reported
	minSeverity diag.Severity
}

// resolve checks the flags against the rules; nil when they narrow
// nothing. An id or prefix that matches no rule is an error, with a
// did-you-mean.
func (s *selectionFlags) resolve() (*selection, error) {
	minSev, ok := diag.ParseSeverity(s.severity)
	if !ok || minSev == diag.Off {
		return nil, fmt.Errorf("bad value %q for --severity: use error or warning (see 'apigwlint --help')", s.severity)
	}
	if len(s.selects) == 0 && len(s.ignores) == 0 && minSev == diag.Warning {
		return nil, nil
	}
	sel := &selection{Select: append([]string{}, s.selects...), Ignore: append([]string{}, s.ignores...),
		Severity: minSev.String(), keep: map[string]bool{}, minSeverity: minSev}
	selected := map[string]bool{}
	for _, item := range s.selects {
		ids, err := matchRules("--select", item)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			selected[id] = true
		}
	}
	ignored := map[string]bool{}
	for _, item := range s.ignores {
		ids, err := matchRules("--ignore", item)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			ignored[id] = true
		}
	}
	for _, r := range rules.All() {
		sel.keep[r.ID] = alwaysReported[r.ID] || ((len(s.selects) == 0 || selected[r.ID]) && !ignored[r.ID])
	}
	return sel, nil
}

// matchRules returns the ids an item of --select or --ignore names: the
// rule with that id, or the rules whose id starts with it followed by '-'
// (a prefix ends at a word: "duplicate" and "duplicate-" name
// duplicate-api-path, "dup" names nothing).
func matchRules(flagName, item string) ([]string, error) {
	var ids []string
	prefix := strings.TrimSuffix(item, "-") + "-"
	for _, id := range rules.IDs() {
		if id == item || strings.HasPrefix(id, prefix) {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 {
		return ids, nil
	}
	msg := fmt.Sprintf("%s %q: no rule id is or starts with it", flagName, item)
	if s := schema.Suggest(item, rulePrefixes()); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return nil, errors.New(msg + " (see 'apigwlint rules')")
}

// rulePrefixes are the ids and their word prefixes ("duplicate-",
// "duplicate-api-"), the suggestions for a --select that matches nothing.
func rulePrefixes() []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range rules.IDs() {
		for i := 0; i < len(id); i++ {
			if id[i] == '-' && !seen[id[:i+1]] {
				seen[id[:i+1]] = true
				out = append(out, id[:i+1])
			}
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// keeps reports whether the selection reports d.
func (s *selection) keeps(d diag.Diagnostic) bool {
	if s == nil {
		return true
	}
	keep, known := s.keep[d.Rule]
	if !known || alwaysReported[d.Rule] {
		return true // not a rule's finding: nothing selects it away
	}
	return keep && d.Severity >= s.minSeverity
}

// selected reports whether the selection reports rule r at all (for
// 'apigwlint config').
func (s *selection) selected(r *rules.Rule) bool {
	return s == nil || s.keep[r.ID]
}

// offNotes are the notes for --select items that name only rules the
// configuration turns off everywhere: the run will not report them.
func (s *selection) offNotes(cfg *config.Config) []string {
	if s == nil {
		return nil
	}
	var notes []string
	for _, item := range s.Select {
		ids, _ := matchRules("--select", item)
		allOff := len(ids) > 0
		for _, id := range ids {
			r := rules.ByID(id)
			if cfg.Base(r) != diag.Off || cfg.Overridden(r) {
				allOff = false
			}
		}
		if allOff {
			where := "by default"
			if cfg != nil {
				where = "in " + cfg.Path
			}
			notes = append(notes, fmt.Sprintf("note: --select %s: off %s, so nothing is reported for it; --select only narrows, turn a rule on in the configuration (rules: {%s: warning})", item, where, ids[0]))
		}
	}
	return notes
}

// narrow drops what the selection does not report from res and counts
// again.
func (s *selection) narrow(res *lint.Result) {
	if s == nil {
		return
	}
	kept := res.Diags[:0]
	for _, d := range res.Diags {
		if s.keeps(d) {
			kept = append(kept, d)
		}
	}
	res.Diags = kept
	for _, fr := range res.Files {
		fr.Diags = filterDiags(fr.Diags, s.keeps)
	}
	recount(res)
}

func filterDiags(ds []diag.Diagnostic, keep func(diag.Diagnostic) bool) []diag.Diagnostic {
	out := ds[:0]
	for _, d := range ds {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

// recount counts the errors and warnings of res again.
func recount(res *lint.Result) {
	res.Summary.Errors, res.Summary.Warnings = 0, 0
	for _, d := range res.Diags {
		switch d.Severity {
		case diag.Error:
			res.Summary.Errors++
		case diag.Warning:
			res.Summary.Warnings++
		}
	}
}
