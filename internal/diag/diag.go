// Package diag defines the diagnostic value every stage of apigwlint produces:
// the loader (syntax, encoding), the schema validator and the rules. A
// diagnostic carries a position range, a message written for people, the rule
// that produced it and optional related locations (the other end of a
// cross-field or cross-file finding). Formatting, sorting and filtering belong
// to other packages.
package diag

import (
	"sort"
	"strings"
)

// Severity of a diagnostic. The zero value is Off (not reported).
type Severity uint8

const (
	Off Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "off"
	}
}

// ParseSeverity reads "off", "warning" or "error" (also "warn").
func ParseSeverity(s string) (Severity, bool) {
	switch strings.ToLower(s) {
	case "off":
		return Off, true
	case "warning", "warn":
		return Warning, true
	case "error":
		return Error, true
	}
	return Off, false
}

// Pos is a 1-based line and a 1-based column counted in characters (runes).
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Less orders positions.
func (p Pos) Less(q Pos) bool {
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Range is a half-open range [Start, End) of characters.
type Range struct {
	Start Pos
	End   Pos
}

// Related is another location that explains a diagnostic.
type Related struct {
	File    string
	Range   Range
	Message string
}

// Diagnostic is one problem found in one file.
type Diagnostic struct {
	File     string // path as shown to the user (relative, '/' separators)
	Range    Range
	Severity Severity
	Rule     string
	Message  string
	Document int    // 0-based index of the YAML document or JSON array element
	Pointer  string // RFC 6901 pointer into the definition ("" = whole document)
	Related  []Related
}

// Sort orders diagnostics by file, line, column, rule, then message, so that
// output never depends on the order in which work finished.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := &ds[i], &ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Range.Start != b.Range.Start {
			return a.Range.Start.Less(b.Range.Start)
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}
