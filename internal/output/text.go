package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/fatih/color"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/fix"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Text is the human format: one block per diagnostic with a source
// snippet and a caret range, then one summary line.
type Text struct {
	Color bool
}

type palette struct {
	err, warn, loc, rule, caret, gutter, note func(a ...any) string
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) func(a ...any) string {
		c := color.New(attrs...)
		// fatih/color decides from stdout alone; the caller decided for
		// the stream actually written to.
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.SprintFunc()
	}
	return palette{
		err: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold), loc: mk(color.Bold),
		rule: mk(color.Faint), caret: mk(color.FgGreen, color.Bold), gutter: mk(color.Faint), note: mk(color.FgCyan),
	}
}

// Format writes the report.
func (t *Text) Format(w io.Writer, res *lint.Result) error {
	bw := bufio.NewWriter(w)
	p := newPalette(t.Color)
	files := map[string]*source.File{}
	for _, fr := range res.Files {
		if fr.File != nil {
			files[fr.Path] = fr.File
		}
	}
	for _, d := range res.Diags {
		sev := p.err(d.Severity.String())
		if d.Severity == diag.Warning {
			sev = p.warn(d.Severity.String())
		}
		fmt.Fprintf(bw, "%s: %s: %s %s\n", p.loc(fmt.Sprintf("%s:%d:%d", Sanitize(d.File), d.Range.Start.Line, d.Range.Start.Col)),
			sev, Sanitize(d.Message), p.rule("["+d.Rule+"]"))
		snippet(bw, p, files[d.File], d.Range)
		for _, r := range d.Related {
			fmt.Fprintf(bw, "  %s: %s %s\n", p.loc(fmt.Sprintf("%s:%d:%d", Sanitize(r.File), r.Range.Start.Line, r.Range.Start.Col)),
				p.note("note:"), Sanitize(r.Message))
			snippet(bw, p, files[r.File], r.Range)
		}
	}
	// Before the summary, which stays the last line.
	fixableLine(bw, res.Diags)
	s := res.Summary
	fmt.Fprintf(bw, "%s, %s", plural(s.Files, "file"), plural(s.Definitions, "definition"))
	if s.Skipped > 0 {
		fmt.Fprintf(bw, " (%d %s without definitions skipped)", s.Skipped, pluralWord(s.Skipped, "file"))
	}
	fmt.Fprintf(bw, ": %s, %s\n", plural(s.Errors, "error"), plural(s.Warnings, "warning"))
	return bw.Flush()
}

// fixableLine says how many of the findings `lint --fix` would fix, and
// how many more --unsafe-fixes would; nothing when none would.
func fixableLine(w io.Writer, ds []diag.Diagnostic) {
	safe, unsafe := 0, 0
	for i := range ds {
		switch {
		case fix.Fixable(&ds[i], false):
			safe++
		case fix.Fixable(&ds[i], true):
			unsafe++
		}
	}
	switch {
	case safe > 0 && unsafe > 0:
		fmt.Fprintf(w, "%d fixable with --fix (%d more with --unsafe-fixes)\n", safe, unsafe)
	case safe > 0:
		fmt.Fprintf(w, "%d fixable with --fix\n", safe)
	case unsafe > 0:
		fmt.Fprintf(w, "%d fixable with --fix --unsafe-fixes\n", unsafe)
	}
}

func plural(n int, w string) string { return fmt.Sprintf("%d %s", n, pluralWord(n, w)) }

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

const maxSnippet = 160 // characters of a line shown around the range

func snippet(w io.Writer, p palette, f *source.File, r diag.Range) {
	if f == nil || r.Start.Line < 1 || r.Start.Line > f.Lines() {
		return
	}
	line := []rune(f.Line(r.Start.Line))
	startCol := r.Start.Col - 1
	endCol := len(line)
	if r.End.Line == r.Start.Line && r.End.Col-1 > startCol {
		endCol = r.End.Col - 1
	}
	if startCol > len(line) {
		startCol = len(line)
	}
	if endCol > len(line) {
		endCol = len(line)
	}
	// Long lines (minified JSON) are cut around the range.
	from, to := 0, len(line)
	prefix, suffix := "", ""
	if len(line) > maxSnippet {
		from = max(0, startCol-maxSnippet/2)
		to = min(len(line), from+maxSnippet)
		if from > 0 {
			prefix = "…"
		}
		if to < len(line) {
			suffix = "…"
		}
	}
	shown := line[from:to]
	gutter := fmt.Sprintf("%4d | ", r.Start.Line)
	fmt.Fprintf(w, "%s%s%s%s\n", p.gutter(gutter), prefix, Sanitize(string(shown)), suffix)
	pad := width(string(line[from:max(from, startCol)])) + width(prefix)
	n := max(1, width(string(line[min(max(from, startCol), to):min(endCol, to)])))
	fmt.Fprintf(w, "%s%s%s\n", p.gutter("     | "), strings.Repeat(" ", pad), p.caret(strings.Repeat("^", n)))
}

// Sanitize shows control characters and escape sequences from file content
// escaped, so that a crafted file cannot drive the terminal.
func Sanitize(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r) && r <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", r)
		case unsafeRune(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// width is the number of terminal cells a string takes (wide East Asian
// characters take two), for aligning the caret under the snippet.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == '\t':
			n++ // shown as a space
		case unsafeRune(r) && r <= 0xff:
			n += 4 // shown as \xNN
		case unsafeRune(r):
			n += 6 // shown as \uNNNN
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || (r >= 0xFF00 && r <= 0xFF60) || (r >= 0x1F300 && r <= 0x1FAFF):
			n += 2
		default:
			n++
		}
	}
	return n
}
