package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
)

// Reference renders the rule reference (docs/rules.md) from the rule
// documents, in catalog order. A test keeps the file in step with it.
func Reference() string {
	var b strings.Builder
	b.WriteString("# Rule reference\n\n")
	b.WriteString("<!-- Generated from the rule documents in rules/*.go by `go test ./rules -run TestReference -update`. Do not edit by hand. -->\n\n")
	b.WriteString("Every problem apigwlint reports is a diagnostic of one rule. `apigwlint rules` lists them and " +
		"`apigwlint explain RULE` prints one of these entries. A rule's severity can be changed, or the rule turned off or on, " +
		"in `.apigwlint.yaml` (`rules: {RULE: off|warning|error}`).\n\n")
	b.WriteString("Each entry has an example on which the rule fires and a close one on which it does not; the tests lint both, so " +
		"they show what the rule really does. Two examples cannot be written as plain text: `<byte 0xE9>` stands for that single " +
		"byte, and `<17 KB of text>` for that much filler.\n\n")
	b.WriteString("The fix column says whether the rule's findings carry a suggested fix: `safe` ones are applied by `apigwlint lint --fix`, " +
		"`unsafe` ones (they need a choice) only with `--unsafe-fixes`; the editor offers both.\n\n")
	b.WriteString("| rule | default | operation | fix | fires when |\n|---|---|---|---|---|\n")
	for _, r := range All() {
		fix := "–"
		if r.Doc.Fix.Safety != NoFix {
			fix = r.Doc.Fix.Safety.String()
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s |\n", r.ID, r.ID, r.Severity, opName(r.Op), fix, tableCell(r.Doc.Summary))
	}
	for _, r := range All() {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		op := "any operation"
		if r.Op != "" {
			op = r.Op
		}
		fmt.Fprintf(&b, "%s · %s · %s\n\n", severityText(r.Severity), op, kindText(r.Kind))
		fmt.Fprintf(&b, "%s.\n\n", upperFirst(strings.TrimSuffix(r.Doc.Summary, ".")))
		fmt.Fprintf(&b, "%s\n", linkSources(r.Doc.Why))
		if r.Doc.Fix.Safety != NoFix {
			fmt.Fprintf(&b, "\n**Fix** (%s): %s\n", r.Doc.Fix.Safety, linkSources(r.Doc.Fix.Text))
		}
		examples(&b, "Fires on", r.Doc.Bad, r.Doc.BadFiles)
		examples(&b, "Does not fire on", r.Doc.Good, r.Doc.GoodFiles)
	}
	return b.String()
}

func examples(b *strings.Builder, title, one string, many map[string]string) {
	if one == "" && len(many) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s:\n", title)
	if one != "" {
		fmt.Fprintf(b, "\n```yaml\n%s\n```\n", strings.TrimRight(one, "\n"))
	}
	names := make([]string, 0, len(many))
	for name := range many {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		lang := "yaml"
		if strings.HasSuffix(name, ".json") {
			lang = "json"
		}
		fmt.Fprintf(b, "\n`%s`:\n\n```%s\n%s\n```\n", name, lang, strings.TrimRight(many[name], "\n"))
	}
}

func opName(op string) string {
	if op == "" {
		return "any"
	}
	return op
}

func severityText(s diag.Severity) string {
	if s == diag.Off {
		return "**off** by default"
	}
	return "**" + s.String() + "** by default"
}

func kindText(k Kind) string {
	switch k {
	case Builtin:
		return "reported while reading or validating a file"
	case Project:
		return "compares all definitions of the project"
	}
	return "checks one definition"
}

func tableCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// sourceCitation is a citation of docs/sources.md in a rule document.
var sourceCitation = regexp.MustCompile(`docs/sources\.md#([a-z0-9-]+)`)

// linkSources makes the citations of docs/sources.md in a rule document
// links, relative to docs/rules.md.
func linkSources(text string) string {
	return sourceCitation.ReplaceAllString(text, "[$0](sources.md#$1)")
}
