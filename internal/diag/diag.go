// Package diag defines the diagnostic value every stage of apigwlint produces:
// the loader (syntax, encoding), the schema validator and the rules. A
// diagnostic carries a position range, a message written for people, the rule
// that produced it and optional related locations (the other end of a
// cross-field or cross-file finding). Formatting, sorting and filtering belong
// to other packages.
package diag

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
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
	Fixes    []Fix // suggested fixes, safe ones first (may be empty)
}

// Edit replaces the bytes [Start, End) of the file's raw content with
// NewText (an insertion when Start == End). Offsets are byte offsets into
// the file exactly as read from disk (before any decoding), like the
// TextEdit of go/analysis.
type Edit struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"newText"`
}

// Fix is a suggested fix of a diagnostic: a message for people ("replace
// \"private\" with \"PRIVATE\"") and the edits that make it, which never
// overlap. A Safe fix cannot change meaning beyond the finding (a misspelt
// key or enum value with exactly one close candidate, enum casing, a
// front-end spelling mapped to its documented name) and is applied by
// `lint --fix`; other fixes need a choice and are applied only with
// --unsafe-fixes (the editor offers both, labelled).
type Fix struct {
	Message string `json:"message"`
	Safe    bool   `json:"safe"`
	Edits   []Edit `json:"edits"`
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

// MaxQuoted is how many characters of a user's key or value a message
// quotes; the rest is replaced by "…". A 5 MB key then makes a message of
// a line, not a copy of the file.
const MaxQuoted = 80

// Clip shortens s to its first MaxQuoted characters and "…" when it is
// longer. It reads at most MaxQuoted+1 characters of s.
func Clip(s string) string {
	n := 0
	for i := range s {
		if n == MaxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// MaxEchoed bounds a text argument of a message written with %s (often a
// list the message composed, sometimes user text): longer ones are clipped
// like quoted ones.
const MaxEchoed = 1000

// Sprintf is fmt.Sprintf for messages that quote user text: a string
// argument of a %q verb is clipped to MaxQuoted characters (see Clip), and
// any other string argument longer than MaxEchoed characters is clipped
// too, so that no message grows with the size of the input.
func Sprintf(format string, args ...any) string {
	return fmt.Sprintf(format, clipArgs(format, args)...)
}

// clipArgs clips args for format (see Sprintf); it copies args only when
// it changes one.
func clipArgs(format string, args []any) []any {
	quoted := verbs(format)
	var out []any
	for i, a := range args {
		s, ok := a.(string)
		if !ok || len(s) <= MaxQuoted {
			continue
		}
		c := s
		if i < len(quoted) && quoted[i] {
			c = Clip(s)
		} else if len(s) > MaxEchoed && utf8.RuneCountInString(s) > MaxEchoed {
			c = Clip(s)
		}
		if c != s {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = c
		}
	}
	if out == nil {
		return args
	}
	return out
}

// verbs tells, for each argument a format consumes in order, whether its
// verb is %q. An explicit argument index or a '*' ends the scan (the rest
// counts as not quoted, so it is clipped only when very long).
func verbs(format string) []bool {
	var q []bool
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || format[i] == '[' || format[i] == '*' {
			return q
		}
		if format[i] != '%' {
			q = append(q, format[i] == 'q')
		}
	}
	return q
}
