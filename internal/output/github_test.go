package output

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// ghCommand is a workflow command as the Actions runner parses it
// (ActionCommand.TryParseV2 in actions/runner): "::" at the start of the
// line, the command name up to the first space, properties split at ','
// and the first '=', up to the first "::" after the start; the rest of the
// line is the message.
type ghCommand struct {
	name  string
	props map[string]string
	data  string
}

func parseGHCommand(line string) (ghCommand, bool) {
	if !strings.HasPrefix(line, "::") {
		return ghCommand{}, false
	}
	end := strings.Index(line[2:], "::")
	if end < 0 {
		return ghCommand{}, false
	}
	head, data := line[2:2+end], line[2+end+2:]
	c := ghCommand{props: map[string]string{}, data: ghUnescape(data, false)}
	name, props, _ := strings.Cut(head, " ")
	c.name = name
	if props != "" {
		for _, p := range strings.Split(props, ",") {
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				return ghCommand{}, false
			}
			c.props[k] = ghUnescape(v, true)
		}
	}
	return c, true
}

// ghUnescape undoes the escaping as the runner does.
func ghUnescape(s string, property bool) string {
	pairs := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		pairs = append(pairs, "%3A", ":", "%2C", ",")
	}
	pairs = append(pairs, "%25", "%")
	return strings.NewReplacer(pairs...).Replace(s)
}

// TestGitHubInjection: file names and messages holding '%', CR, LF, "::",
// ',' and ':' come out escaped, each diagnostic as exactly one command
// line, and read back as what they were.
func TestGitHubInjection(t *testing.T) {
	hostile := []string{
		"%", "%25", "\r", "\n", "\r\n", "::", ",", ":", "=",
		"a\n::error file=x.yaml,line=1::pwned",
		"b\r::add-mask::secret",
		"c%0A::warning::encoded already",
		"d,line=99,title=x:y::z",
		"::stop-commands::token",
	}
	var diags []diag.Diagnostic
	for i, h := range hostile {
		diags = append(diags, diag.Diagnostic{
			File: fmt.Sprintf("dir%d/%s.yaml", i, h), Rule: "schema", Severity: diag.Severity(1 + i%2),
			Range:   diag.Range{Start: diag.Pos{Line: i + 1, Col: 2}, End: diag.Pos{Line: i + 1, Col: 5}},
			Message: "before " + h + " after",
			Related: []diag.Related{{File: "other" + h + ".yaml", Range: diag.Range{Start: diag.Pos{Line: 1, Col: 1}}, Message: "see" + h}},
		})
	}
	res := &lint.Result{Diags: diags}
	out := string(render(t, "github", res))
	if strings.Contains(out, "\r") {
		t.Error("a raw CR reached the output")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(diags)+1 { // + the summary
		t.Fatalf("%d lines for %d diagnostics:\n%s", len(lines), len(diags), out)
	}
	for i, d := range diags {
		c, ok := parseGHCommand(lines[i])
		if !ok {
			t.Fatalf("line %d is not one command: %q", i+1, lines[i])
		}
		wantName := "error"
		if d.Severity == diag.Warning {
			wantName = "warning"
		}
		if c.name != wantName {
			t.Errorf("line %d: command %q, want %q", i+1, c.name, wantName)
		}
		want := map[string]string{
			"file": d.File, "title": "schema",
			"line": fmt.Sprint(d.Range.Start.Line), "endLine": fmt.Sprint(d.Range.Start.Line),
			"col": "2", "endColumn": "4",
		}
		if fmt.Sprint(c.props) != fmt.Sprint(want) {
			t.Errorf("line %d: properties\n  %q\nwant\n  %q", i+1, c.props, want)
		}
		wantData := d.Message + "\n" + d.Related[0].File + ":1:1: " + d.Related[0].Message
		if c.data != wantData {
			t.Errorf("line %d: message %q, want %q", i+1, c.data, wantData)
		}
	}
	if strings.HasPrefix(lines[len(lines)-1], "::") {
		t.Errorf("the summary reads as a command: %q", lines[len(lines)-1])
	}
}

// TestGitHubControlCharacters: other control and bidirectional characters
// are shown escaped, so the log cannot be recoloured or reordered.
func TestGitHubControlCharacters(t *testing.T) {
	res := &lint.Result{Diags: []diag.Diagnostic{{File: "a\x1b[2J.yaml", Rule: "schema", Severity: diag.Error,
		Range: diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}}, Message: "x\x1b[31m\u202e\ty\x00"}}}
	out := string(render(t, "github", res))
	for _, bad := range []string{"\x1b", "\u202e", "\t", "\x00"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q: %q", bad, out)
		}
	}
	if !strings.Contains(out, `file=a\x1b[2J.yaml`) || !strings.Contains(out, `::x\x1b[31m\u202e y\x00`) {
		t.Errorf("control characters not shown escaped: %q", out)
	}
}

func TestGitHubPositions(t *testing.T) {
	r := func(l1, c1, l2, c2 int) diag.Range {
		return diag.Range{Start: diag.Pos{Line: l1, Col: c1}, End: diag.Pos{Line: l2, Col: c2}}
	}
	for _, tc := range []struct {
		in   diag.Range
		want string
	}{
		{r(3, 5, 3, 9), "line=3,endLine=3,col=5,endColumn=8"}, // GitHub's end column is inclusive
		{r(3, 5, 3, 6), "line=3,endLine=3,col=5,endColumn=5"},
		{r(3, 5, 3, 5), "line=3,endLine=3,col=5"}, // empty range: a point
		{r(3, 5, 5, 2), "line=3,endLine=5"},       // columns only on one line
		{r(3, 5, 4, 1), "line=3,endLine=3,col=5"}, // ends with line 3's newline
		{r(3, 1, 7, 1), "line=3,endLine=6"},
		{r(3, 5, 0, 0), "line=3,endLine=3,col=5"}, // no end
		{r(0, 0, 0, 0), ""},                       // no position: file only
	} {
		if got := strings.Join(ghPosition(tc.in), ","); got != tc.want {
			t.Errorf("ghPosition(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGitHubUncheckedAndSummary(t *testing.T) {
	res := handResult(t)
	out := string(render(t, "github", res))
	if !strings.Contains(out, "::error title=apigwlint::cannot read apis/secret.yaml: permission denied\n") {
		t.Errorf("unchecked path not annotated:\n%s", out)
	}
	if !strings.HasSuffix(out, "apigwlint: 4 files, 3 definitions: 4 errors, 2 warnings\n") {
		t.Errorf("summary missing:\n%s", out)
	}
	if n := strings.Count(out, "\n::warning "); n != 2 {
		t.Errorf("%d warnings, want 2:\n%s", n, out)
	}
}
