package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/lint"
)

// JUnit writes JUnit XML, the test report format that GitLab, Jenkins,
// Azure Pipelines and most CI servers display. The report is one test
// suite, "apigwlint":
//   - one test case per checked file (name and file = the path); the case
//     passes when the file has no diagnostic, and has one <failure> per
//     diagnostic otherwise — warnings included, as ESLint's JUnit report
//     does, since a test report has no notion of a passing finding; the
//     failure's type is the severity and its text shows the source line;
//   - a file found in a walk that holds no definition is a skipped case;
//   - each path that could not be checked is a case with an <error>.
//
// No timestamps or durations are written, so the report is reproducible.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	ClassName string         `xml:"classname,attr"`
	File      string         `xml:"file,attr,omitempty"`
	Skipped   *junitMessage  `xml:"skipped"`
	Errors    []junitMessage `xml:"error"`
	Failures  []junitMessage `xml:"failure"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

// Format writes the report.
func (JUnit) Format(w io.Writer, res *lint.Result) error {
	suite := junitSuite{Name: "apigwlint"}
	byName := map[string]int{}
	testCase := func(name string) *junitCase {
		i, ok := byName[name]
		if !ok {
			i = len(suite.Cases)
			byName[name] = i
			suite.Cases = append(suite.Cases, junitCase{Name: name, ClassName: "apigwlint", File: name})
		}
		return &suite.Cases[i]
	}
	for _, fr := range res.Files {
		c := testCase(fr.Path)
		if fr.Skipped {
			c.Skipped = &junitMessage{Message: "the file holds no CreateApi or CreateService definition"}
		}
	}
	files := sourceFiles(res)
	for _, d := range res.Diags {
		c := testCase(d.File)
		c.Skipped = nil
		var text strings.Builder
		fmt.Fprintf(&text, "%s:%d:%d: %s: %s [%s]\n", Sanitize(d.File), d.Range.Start.Line, d.Range.Start.Col, d.Severity, Sanitize(d.Message), d.Rule)
		plain := newPalette(false)
		snippet(&text, plain, files[d.File], d.Range)
		for _, r := range d.Related {
			fmt.Fprintf(&text, "  %s:%d:%d: note: %s\n", Sanitize(r.File), r.Range.Start.Line, r.Range.Start.Col, Sanitize(r.Message))
			snippet(&text, plain, files[r.File], r.Range)
		}
		c.Failures = append(c.Failures, junitMessage{
			Message: fmt.Sprintf("%d:%d %s: %s", d.Range.Start.Line, d.Range.Start.Col, d.Rule, withRelated(d)),
			Type:    d.Severity.String(),
			Text:    xmlText(text.String()),
		})
	}
	sort.SliceStable(suite.Cases, func(i, j int) bool { return suite.Cases[i].Name < suite.Cases[j].Name })
	// Unchecked paths come last, in the engine's (sorted) order.
	for _, e := range res.Errors {
		suite.Cases = append(suite.Cases, junitCase{Name: e, ClassName: "apigwlint",
			Errors: []junitMessage{{Message: e, Type: "unchecked"}}})
	}
	for _, c := range suite.Cases {
		suite.Tests++
		switch {
		case len(c.Errors) > 0:
			suite.Errors++
		case len(c.Failures) > 0:
			suite.Failures++
		case c.Skipped != nil:
			suite.Skipped++
		}
	}
	rep := junitSuites{Name: "apigwlint", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors,
		Skipped: suite.Skipped, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlText makes text safe for a CDATA section, which encoding/xml writes
// as is: characters XML 1.0 forbids and invalid UTF-8 become U+FFFD.
// (Attributes and character data need no such care: encoding/xml escapes
// them itself.)
func xmlText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r',
			r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
			return r
		}
		return '\uFFFD'
	}, s)
}
