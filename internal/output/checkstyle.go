package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// Checkstyle writes Checkstyle XML (version 4.3), which Jenkins' Warnings
// plugin, reviewdog, SonarQube and many review bots read. Every checked file
// gets a <file> element, with one <error> per diagnostic; source is
// "apigwlint.RULE". Related locations are appended to the message, since
// the format has no place for them. What could not be checked is not in
// the report (the format has no file-less entry); the exit status says so.
type Checkstyle struct{}

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Format writes the report.
func (Checkstyle) Format(w io.Writer, res *lint.Result) error {
	rep := checkstyleReport{Version: "4.3"}
	byName := map[string]int{}
	file := func(name string) *checkstyleFile {
		i, ok := byName[name]
		if !ok {
			i = len(rep.Files)
			byName[name] = i
			rep.Files = append(rep.Files, checkstyleFile{Name: name})
		}
		return &rep.Files[i]
	}
	for _, fr := range res.Files {
		if !fr.Skipped {
			file(fr.Path)
		}
	}
	for _, d := range res.Diags {
		f := file(d.File)
		f.Errors = append(f.Errors, checkstyleError{
			Line: max(d.Range.Start.Line, 0), Column: max(d.Range.Start.Col, 0),
			Severity: checkstyleSeverity(d.Severity), Message: withRelated(d), Source: "apigwlint." + d.Rule,
		})
	}
	sort.SliceStable(rep.Files, func(i, j int) bool { return rep.Files[i].Name < rep.Files[j].Name })
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

func checkstyleSeverity(s diag.Severity) string {
	if s == diag.Error {
		return "error"
	}
	return "warning"
}

// withRelated is a diagnostic's message followed by its related locations,
// for formats with no field for them.
func withRelated(d diag.Diagnostic) string {
	msg := d.Message
	for _, r := range d.Related {
		msg += fmt.Sprintf(" (%s:%d:%d: %s)", r.File, r.Range.Start.Line, r.Range.Start.Col, r.Message)
	}
	return msg
}
