package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// GitHub writes GitHub Actions workflow commands, one per diagnostic:
//
//	::error file=apis/a.yaml,line=9,endLine=9,col=18,endColumn=25,title=path-param-undeclared::message
//
// The runner turns each into an annotation on the pull request. Workflow
// commands are read from the job log line by line, so everything that
// comes from a checked file is escaped as the runner unescapes it
// (actions/toolkit, packages/core/src/command.ts): in a property '%', CR,
// LF, ':' and ','; in the message '%', CR and LF. Other control and
// bidirectional characters are shown escaped as in the text format. A
// crafted file name or value therefore can never end a command early or
// start another.
//
// GitHub's columns are inclusive and only allowed when the annotation
// starts and ends on the same line, so a multi-line range is written with
// lines only. Related locations are added to the message, one per line.
// Paths are relative to the working directory; run apigwlint from the
// repository root so that they match the checkout.
type GitHub struct{}

// Format writes the report.
func (GitHub) Format(w io.Writer, res *lint.Result) error {
	bw := bufio.NewWriter(w)
	for _, d := range res.Diags {
		cmd := "error"
		if d.Severity != diag.Error {
			cmd = "warning"
		}
		var props []string
		if d.File != "" {
			props = append(props, "file="+ghProperty(d.File))
			props = append(props, ghPosition(d.Range)...)
		}
		props = append(props, "title="+ghProperty(d.Rule))
		msg := d.Message
		for _, r := range d.Related {
			msg += fmt.Sprintf("\n%s:%d:%d: %s", r.File, r.Range.Start.Line, r.Range.Start.Col, r.Message)
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData(msg))
	}
	// What could not be checked gets an annotation too: the exit status
	// alone would leave the reader of the pull request without a reason.
	for _, e := range res.Errors {
		fmt.Fprintf(bw, "::error title=apigwlint::%s\n", ghData(e))
	}
	s := res.Summary
	fmt.Fprintf(bw, "apigwlint: %s, %s: %s, %s%s\n", plural(s.Files, "file"), plural(s.Definitions, "definition"),
		plural(s.Errors, "error"), plural(s.Warnings, "warning"), baselineNote(s))
	return bw.Flush()
}

func ghPosition(r diag.Range) []string {
	if r.Start.Line < 1 {
		return nil
	}
	start, end := r.Start, r.End
	// A half-open range that ends at the start of a line ends on the line
	// before (its last character is that line's newline).
	if end.Line > start.Line && end.Col <= 1 {
		end = diag.Pos{Line: end.Line - 1}
	}
	if end.Line < start.Line {
		end = diag.Pos{Line: start.Line}
	}
	out := []string{fmt.Sprintf("line=%d", start.Line), fmt.Sprintf("endLine=%d", end.Line)}
	if end.Line != start.Line || start.Col < 1 {
		return out
	}
	out = append(out, fmt.Sprintf("col=%d", start.Col))
	if last := end.Col - 1; last >= start.Col {
		out = append(out, fmt.Sprintf("endColumn=%d", last))
	}
	return out
}

// ghData escapes a command's message.
func ghData(s string) string { return ghEscape(s, false) }

// ghProperty escapes a command's property value.
func ghProperty(s string) string { return ghEscape(s, true) }

func ghEscape(s string, property bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		case property && r == ':':
			b.WriteString("%3A")
		case property && r == ',':
			b.WriteString("%2C")
		case unsafeRune(r):
			b.WriteString(Sanitize(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
