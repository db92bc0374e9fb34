package config

import (
	"fmt"
	"strings"

	"github.com/apigwlint/apigwlint/rules"
)

// Starter returns the text `apigwlint init` writes: every rule at its
// default severity with its summary as a comment, and commented examples
// of ignore and overrides. It loads without error (tested).
func Starter() []byte {
	var b strings.Builder
	b.WriteString(`# apigwlint configuration. Globs are relative to this file's directory:
# "*" matches within one path segment, "**" any number of segments.
# The JSON Schema of this file: apigwlint schema config

# The project root whose definitions cross-file rules compare, relative to
# this file (default: this file's directory; 'apigwlint config' shows it).
# root: ..

# The findings recorded by 'apigwlint baseline', which lint does not report
# again (default: .apigwlint-baseline.json in the project root, if present).
# baseline: .apigwlint-baseline.json

# Paths neither checked nor compared by cross-file rules.
ignore: []
#  - legacy/**
#  - "**/*.draft.yaml"

# Severity of each rule: off, warning or error. These are the defaults;
# 'apigwlint explain RULE' says what a rule checks and why.
rules:
`)
	for _, r := range rules.All() {
		op := ""
		if r.Op != "" {
			op = " (" + r.Op + ")"
		}
		fmt.Fprintf(&b, "  # %s%s\n", oneLine(r.Doc.Summary), op)
		fmt.Fprintf(&b, "  %s: %s\n", r.ID, r.Severity)
	}
	b.WriteString(`
# Severities for some files only; later entries win. Inline comments cannot
# be written in JSON files, so this is how a JSON file gets an exception.
overrides: []
#  - files: ["apis/partner/**/*.json"]
#    rules:
#      unknown-field: warning
`)
	return []byte(b.String())
}

// oneLine keeps a summary on one comment line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
