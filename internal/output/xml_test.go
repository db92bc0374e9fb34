package output

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// decodeXML parses a report strictly: well-formed XML 1.0, UTF-8, one root.
func decodeXML(t *testing.T, report []byte, v any) {
	t.Helper()
	if !bytes.HasPrefix(report, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("no XML declaration: %.60q", report)
	}
	d := xml.NewDecoder(bytes.NewReader(report))
	d.Strict = true
	if err := d.Decode(v); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, report)
	}
	// Nothing but white space after the root element.
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); !ok || len(bytes.TrimSpace(cd)) > 0 {
			t.Fatalf("content after the root element: %#v", tok)
		}
	}
}

type csDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

// TestCheckstyleParsesBack reads each report back and finds every
// diagnostic in it, on its file, with its line, column, severity, message
// and source.
func TestCheckstyleParsesBack(t *testing.T) {
	for name, res := range map[string]*lint.Result{"faulty": faultyResult(t), "hand": handResult(t), "empty": emptyResult()} {
		t.Run(name, func(t *testing.T) {
			var doc csDoc
			decodeXML(t, render(t, "checkstyle", res), &doc)
			if doc.Version != "4.3" {
				t.Errorf("version %q", doc.Version)
			}
			var got []string
			names := map[string]bool{}
			for _, f := range doc.Files {
				if names[f.Name] {
					t.Errorf("file %q listed twice", f.Name)
				}
				names[f.Name] = true
				for _, e := range f.Errors {
					got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s", f.Name, e.Line, e.Column, e.Severity, e.Source, e.Message))
				}
			}
			var want []string
			for _, d := range res.Diags {
				want = append(want, fmt.Sprintf("%s:%d:%d %s apigwlint.%s %s", d.File, d.Range.Start.Line, d.Range.Start.Col,
					d.Severity, d.Rule, xmlAttrText(withRelated(d))))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("read back:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			// Every checked file is listed, with or without findings.
			for _, fr := range res.Files {
				if names[fr.Path] == fr.Skipped {
					t.Errorf("%s: listed = %v, skipped = %v", fr.Path, names[fr.Path], fr.Skipped)
				}
			}
		})
	}
}

// xmlAttrText is what a string reads back as from an XML attribute written
// by encoding/xml: characters XML cannot hold become U+FFFD.
// (each byte of invalid UTF-8 on its own).
func xmlAttrText(s string) string {
	var b strings.Builder
	for _, r := range s { // ranging yields U+FFFD per invalid byte
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 {
			b.WriteRune(r)
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

type juDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string     `xml:"name,attr"`
			ClassName string     `xml:"classname,attr"`
			File      string     `xml:"file,attr"`
			Skipped   *juResult  `xml:"skipped"`
			Errors    []juResult `xml:"error"`
			Failures  []juResult `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

type juResult struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// TestJUnitParsesBack: one case per checked file, passing when clean, a
// failure per diagnostic, skipped walked files without definitions, an
// error case per unchecked path, and counts that add up.
func TestJUnitParsesBack(t *testing.T) {
	for name, res := range map[string]*lint.Result{"faulty": faultyResult(t), "hand": handResult(t), "empty": emptyResult()} {
		t.Run(name, func(t *testing.T) {
			var doc juDoc
			decodeXML(t, render(t, "junit", res), &doc)
			if len(doc.Suites) != 1 {
				t.Fatalf("%d suites", len(doc.Suites))
			}
			s := doc.Suites[0]
			perFile := map[string][]diag.Diagnostic{}
			for _, d := range res.Diags {
				perFile[d.File] = append(perFile[d.File], d)
			}
			var tests, failures, skipped, errors int
			seen := map[string]bool{}
			for _, c := range s.Cases {
				tests++
				if c.ClassName != "apigwlint" {
					t.Errorf("%s: classname %q", c.Name, c.ClassName)
				}
				if c.File == "" { // an unchecked path
					errors++
					continue
				}
				seen[c.Name] = true
				if c.File != c.Name {
					t.Errorf("case %q has file %q", c.Name, c.File)
				}
				want := perFile[c.Name]
				if len(c.Failures) != len(want) {
					t.Errorf("%s: %d failures, want %d", c.Name, len(c.Failures), len(want))
					continue
				}
				if len(want) > 0 {
					failures++
				}
				if c.Skipped != nil {
					skipped++
					if len(want) > 0 {
						t.Errorf("%s: skipped and failed", c.Name)
					}
				}
				for i, f := range c.Failures {
					d := want[i]
					if f.Type != d.Severity.String() || !strings.Contains(f.Message, d.Rule) ||
						!strings.HasPrefix(f.Text, fmt.Sprintf("%s:%d:%d: %s: ", Sanitize(d.File), d.Range.Start.Line, d.Range.Start.Col, d.Severity)) {
						t.Errorf("%s: failure %+v for %+v", c.Name, f, d)
					}
					if !strings.Contains(f.Text, fmt.Sprintf("%4d | ", d.Range.Start.Line)) {
						t.Errorf("%s: no source line in %q", c.Name, f.Text)
					}
				}
			}
			for _, fr := range res.Files {
				if !seen[fr.Path] {
					t.Errorf("no test case for %s", fr.Path)
				}
			}
			if errors != len(res.Errors) {
				t.Errorf("%d error cases for %d unchecked paths", errors, len(res.Errors))
			}
			if s.Tests != tests || s.Failures != failures || s.Skipped != skipped || s.Errors != errors ||
				doc.Tests != tests || doc.Failures != failures || doc.Skipped != skipped || doc.Errors != errors {
				t.Errorf("counts %d/%d/%d/%d (suites %d/%d/%d/%d), counted %d/%d/%d/%d", s.Tests, s.Failures, s.Skipped, s.Errors,
					doc.Tests, doc.Failures, doc.Skipped, doc.Errors, tests, failures, skipped, errors)
			}
		})
	}
}

// TestXMLHostileText: text that would end a CDATA section or is not XML
// at all still makes well-formed reports that read back.
func TestXMLHostileText(t *testing.T) {
	msg := "a ]]> b <c/> & \"d\" 'e' \x00\x01\x1b \xff\xfe \uFFFE end"
	res := &lint.Result{Diags: []diag.Diagnostic{{File: "a]]>&<b>.yaml", Rule: "schema", Severity: diag.Error,
		Range: diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}}, Message: msg}}}
	var cs csDoc
	decodeXML(t, render(t, "checkstyle", res), &cs)
	if got := cs.Files[0].Errors[0].Message; got != xmlAttrText(msg) || cs.Files[0].Name != "a]]>&<b>.yaml" {
		t.Errorf("checkstyle read back %q %q", cs.Files[0].Name, got)
	}
	var ju juDoc
	decodeXML(t, render(t, "junit", res), &ju)
	f := ju.Suites[0].Cases[0].Failures[0]
	if !strings.Contains(f.Text, "a ]]> b <c/> & \"d\" 'e' ") || !strings.Contains(f.Text, " end [schema]") {
		t.Errorf("junit text read back %q", f.Text)
	}
	if f.Message != xmlAttrText("1:1 schema: "+msg) {
		t.Errorf("junit message read back %q", f.Message)
	}
}

func TestXMLText(t *testing.T) {
	if got := xmlText("ok\t\n\x00\x1b\uFFFE\xff😀"); got != "ok\t\n\uFFFD\uFFFD\uFFFD\uFFFD😀" {
		t.Errorf("xmlText = %q", got)
	}
}
