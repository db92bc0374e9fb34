package output

import (
	"encoding/json"
	"io"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// JSON is the machine-readable report, version 1. Fields are never removed
// within a version.
type JSON struct{}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonDiag struct {
	File      string        `json:"file"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"endLine"`
	EndColumn int           `json:"endColumn"`
	Severity  string        `json:"severity"`
	Rule      string        `json:"rule"`
	Message   string        `json:"message"`
	Document  int           `json:"document"`
	Pointer   string        `json:"pointer"`
	Related   []jsonRelated `json:"related"`
	// Fixes are the suggested fixes (diag.Fix: edits by byte offsets into
	// the file as read); absent when there is none.
	Fixes []diag.Fix `json:"fixes,omitempty"`
}

type jsonReport struct {
	Version     int          `json:"version"`
	Diagnostics []jsonDiag   `json:"diagnostics"`
	Summary     lint.Summary `json:"summary"`
}

// Format writes the report.
func (JSON) Format(w io.Writer, res *lint.Result) error {
	rep := jsonReport{Version: 1, Diagnostics: make([]jsonDiag, 0, len(res.Diags)), Summary: res.Summary}
	for _, d := range res.Diags {
		rep.Diagnostics = append(rep.Diagnostics, toJSON(d))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

func toJSON(d diag.Diagnostic) jsonDiag {
	jd := jsonDiag{
		File: d.File, Line: d.Range.Start.Line, Column: d.Range.Start.Col,
		EndLine: d.Range.End.Line, EndColumn: d.Range.End.Col,
		Severity: d.Severity.String(), Rule: d.Rule, Message: d.Message,
		Document: d.Document, Pointer: d.Pointer, Related: []jsonRelated{}, Fixes: d.Fixes,
	}
	for _, r := range d.Related {
		jd.Related = append(jd.Related, jsonRelated{File: r.File, Line: r.Range.Start.Line, Column: r.Range.Start.Col, Message: r.Message})
	}
	return jd
}
