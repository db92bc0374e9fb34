// Package suppress reads inline suppression comments from YAML definition
// files and applies them to a file's finished diagnostics:
//
//	# apigwlint-disable-next-line RULE[,RULE] -- reason
//	key: value  # apigwlint-disable-line RULE[,RULE] -- reason
//	# apigwlint-disable-file RULE[,RULE] -- reason
//
// Comments are found with a cheap line scan of the raw text, not from the
// parsed tree, so that a file whose results come from a cache (and is not
// parsed again) still carries its directives, and so that diagnostics made
// after all files are checked (cross-file rules) are suppressed like the
// others. A Set is plain data for the same reason.
//
// A directive without a reason still suppresses but is reported
// (invalid-suppression); a directive entry that suppresses nothing is
// reported (unused-suppression), so that exceptions cannot outlive their
// cause.
package suppress

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

// Kind is the form of a directive.
type Kind uint8

const (
	NextLine Kind = iota // the next line that is not blank or a comment
	Line                 // the line the comment ends
	File                 // the whole file
)

// Directive names, as written after "#".
const (
	prefix        = "apigwlint-"
	nameNextLine  = "apigwlint-disable-next-line"
	nameLine      = "apigwlint-disable-line"
	nameFile      = "apigwlint-disable-file"
	reasonMarker  = "--"
	exampleReason = "# apigwlint-disable-next-line RULE -- why this is fine here"
)

var kindNames = map[string]Kind{nameNextLine: NextLine, nameLine: Line, nameFile: File}

// Entry is one rule named by a directive.
type Entry struct {
	Rule  string
	Range diag.Range // where the rule id is written
}

// Directive is one valid suppression comment.
type Directive struct {
	Kind    Kind
	Line    int // line of the comment
	Target  int // line it applies to (NextLine, Line); 0 for File
	Entries []Entry
	Reason  string
	Range   diag.Range // the comment, from "#" to the end of the line
}

// Set is what one file's comments say: its directives and the problems
// found in malformed ones. The zero value and nil suppress nothing.
type Set struct {
	File       string
	Directives []Directive
	Invalid    []diag.Diagnostic // invalid-suppression, at the default severity
}

// Scan reads the suppression comments of a file. JSON files have no
// comments and give nil; so does a file without any "apigwlint-" text,
// which costs one bytes.Contains.
func Scan(file string, data []byte) *Set {
	if ext := strings.ToLower(filepath.Ext(file)); ext == ".tf" || ext == ".tofu" {
		return ScanHCL(file, data)
	}
	if strings.EqualFold(filepath.Ext(file), ".json") || !bytes.Contains(data, []byte(prefix)) {
		return nil
	}
	lines := scanLines(data)
	s := &Set{File: file}
	for i, l := range lines {
		if l.comment < 0 {
			continue
		}
		text := l.text[l.comment+1:]
		body := strings.TrimLeft(text, " \t")
		if !strings.HasPrefix(body, prefix) {
			continue
		}
		// Columns are counted in runes from the start of the line.
		hashCol := utf8.RuneCountInString(l.text[:l.comment]) + 1
		bodyCol := hashCol + 1 + utf8.RuneCountInString(text[:len(text)-len(body)])
		s.parse(lines, i, body, hashCol, bodyCol)
	}
	if len(s.Directives) == 0 && len(s.Invalid) == 0 {
		return nil
	}
	return s
}

// parse reads one "apigwlint-…" comment on line index i.
func (s *Set) parse(lines []line, i int, body string, hashCol, bodyCol int) {
	l := lines[i]
	lineNo := i + 1
	end := utf8.RuneCountInString(strings.TrimRight(l.text, " \t")) + 1
	comment := diag.Range{Start: diag.Pos{Line: lineNo, Col: hashCol}, End: diag.Pos{Line: lineNo, Col: end}}
	name := body
	if j := strings.IndexAny(body, " \t"); j >= 0 {
		name = body[:j]
	}
	nameRange := diag.Range{Start: diag.Pos{Line: lineNo, Col: bodyCol}, End: diag.Pos{Line: lineNo, Col: bodyCol + utf8.RuneCountInString(name)}}
	kind, ok := kindNames[name]
	if !ok {
		msg := diag.Sprintf("unknown directive %q", name)
		if sug := schema.Suggest(name, []string{nameNextLine, nameLine, nameFile}); sug != "" {
			msg += diag.Sprintf("; did you mean %q?", sug)
		} else {
			msg += diag.Sprintf(" (use %s, %s or %s)", nameNextLine, nameLine, nameFile)
		}
		s.invalid(nameRange, msg)
		return
	}
	d := Directive{Kind: kind, Line: lineNo, Range: comment}
	switch kind {
	case Line:
		if l.commentOnly {
			s.invalid(nameRange, diag.Sprintf("%s applies to the line it ends, and this line holds only the comment; put it at the end of the line it is about, or use %s", nameLine, nameNextLine))
			return
		}
		d.Target = lineNo
	case NextLine:
		d.Target = nextContent(lines, i)
		if d.Target == 0 {
			s.invalid(nameRange, diag.Sprintf("%s is followed by no line to apply to", nameNextLine))
			return
		}
	}

	rest := body[len(name):]
	restCol := nameRange.End.Col
	list, reason, hasMarker := rest, "", false
	if j := strings.Index(rest, reasonMarker); j >= 0 {
		list, reason, hasMarker = rest[:j], strings.TrimSpace(rest[j+len(reasonMarker):]), true
	} else if j := strings.Index(rest, " #"); j >= 0 {
		// Another comment after the rule list (for example "# want …" in
		// the test cases) is not part of it.
		list = rest[:j]
	}
	d.Reason = reason
	// Rule ids are separated by commas; spaces around them are allowed.
	col := restCol
	var words []string
	for _, part := range strings.Split(list, ",") {
		lead := len(part) - len(strings.TrimLeft(part, " \t"))
		id := strings.TrimSpace(part)
		start := col + utf8.RuneCountInString(part[:lead])
		col += utf8.RuneCountInString(part) + 1
		if id == "" {
			continue
		}
		r := diag.Range{Start: diag.Pos{Line: lineNo, Col: start}, End: diag.Pos{Line: lineNo, Col: start + utf8.RuneCountInString(id)}}
		if strings.ContainsAny(id, " \t") {
			words = append(words, id)
			s.invalid(r, diag.Sprintf("%q is not a rule id: separate rules with commas and write the reason after \" -- \", as in %q", id, exampleReason))
			continue
		}
		switch {
		case id == rules.UnusedSuppression.ID || id == rules.InvalidSuppression.ID:
			s.invalid(r, diag.Sprintf("%s cannot be suppressed inline; set its severity in .apigwlint.yaml", id))
			continue
		case rules.ByID(id) == nil:
			msg := diag.Sprintf("unknown rule %q", id)
			if sug := schema.Suggest(id, rules.IDs()); sug != "" {
				msg += diag.Sprintf("; did you mean %q?", sug)
			} else {
				msg += " (see 'apigwlint rules')"
			}
			s.invalid(r, msg)
			continue
		}
		d.Entries = append(d.Entries, Entry{Rule: id, Range: r})
	}
	if len(d.Entries) == 0 {
		if len(words) == 0 && !s.hasInvalidOn(lineNo) {
			s.invalid(nameRange, diag.Sprintf("%s names no rule: list the rules to disable, as in %q", name, exampleReason))
		}
		return
	}
	if reason == "" && len(words) == 0 {
		msg := "suppression without a reason: write why after \" -- \", as in " + diag.Sprintf("%q", exampleReason)
		if hasMarker {
			msg = "suppression with an empty reason: write why after \" -- \""
		}
		s.invalid(comment, msg)
	}
	s.Directives = append(s.Directives, d)
}

func (s *Set) hasInvalidOn(line int) bool {
	for _, d := range s.Invalid {
		if d.Range.Start.Line == line {
			return true
		}
	}
	return false
}

func (s *Set) invalid(r diag.Range, msg string) {
	s.Invalid = append(s.Invalid, diag.Diagnostic{File: s.File, Range: r, Severity: rules.InvalidSuppression.Severity,
		Rule: rules.InvalidSuppression.ID, Message: msg})
}

// nextContent is the 1-based number of the first line after index i that
// is neither blank nor only a comment; 0 when there is none.
func nextContent(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if !lines[j].blank && !lines[j].commentOnly {
			return j + 1
		}
	}
	return 0
}

// Apply removes the diagnostics that directives suppress and adds the
// diagnostics about the directives themselves: invalid ones, and entries
// that suppressed nothing. severity gives the effective severity of a rule
// for this file (Off drops the diagnostic); nil means the defaults. The
// diagnostics given are expected to have their severities applied already,
// so a directive for a rule the configuration turns off is unused.
func (s *Set) Apply(diags []diag.Diagnostic, severity func(*rules.Rule) diag.Severity) []diag.Diagnostic {
	if s == nil {
		return diags
	}
	if severity == nil {
		severity = func(r *rules.Rule) diag.Severity { return r.Severity }
	}
	used := make([][]bool, len(s.Directives))
	for i, d := range s.Directives {
		used[i] = make([]bool, len(d.Entries))
	}
	kept := diags[:0]
	for _, dg := range diags {
		if dg.Rule == rules.UnusedSuppression.ID || dg.Rule == rules.InvalidSuppression.ID || !s.suppress(dg, used) {
			kept = append(kept, dg)
		}
	}
	add := func(r *rules.Rule, d diag.Diagnostic) {
		sev := severity(r)
		if sev == diag.Off {
			return
		}
		d.Severity = sev
		kept = append(kept, d)
	}
	for _, d := range s.Invalid {
		add(rules.InvalidSuppression, d)
	}
	for i, d := range s.Directives {
		for j, e := range d.Entries {
			if used[i][j] {
				continue
			}
			where := "on the next line"
			switch d.Kind {
			case Line:
				where = "on this line"
			case File:
				where = "in this file"
			}
			if d.Kind == NextLine && d.Target != d.Line+1 {
				where = diag.Sprintf("on line %d", d.Target)
			}
			add(rules.UnusedSuppression, diag.Diagnostic{File: s.File, Range: e.Range, Rule: rules.UnusedSuppression.ID,
				Message: diag.Sprintf("unused suppression: %s reports nothing %s; remove %q from the comment", e.Rule, where, e.Rule)})
		}
	}
	return kept
}

// suppress reports whether a directive covers a diagnostic, and marks
// every entry that does as used (two directives for the same diagnostic
// are both in use).
func (s *Set) suppress(dg diag.Diagnostic, used [][]bool) bool {
	hit := false
	for i, d := range s.Directives {
		if d.Kind != File && d.Target != dg.Range.Start.Line {
			continue
		}
		for j, e := range d.Entries {
			if e.Rule == dg.Rule {
				used[i][j], hit = true, true
			}
		}
	}
	return hit
}
