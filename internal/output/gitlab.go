package output

import (
	"encoding/json"
	"io"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// GitLab writes a GitLab Code Quality report: a JSON array of issues, the
// subset of the Code Climate issue format that GitLab reads (description,
// check_name, fingerprint, severity, location.path, location.lines.begin),
// plus the Code Climate fields type and categories so that other Code
// Climate readers accept it too.
//
// Severity: error → "major", warning → "minor". GitLab orders findings by
// severity and shows "critical" and "blocker" as the most urgent; those
// are left for security findings, which apigwlint does not make.
//
// The fingerprint (see fingerprints) has no line number in it, so GitLab
// does not report a finding as fixed and new again when an edit above it
// moves it. Locations use lines, not positions: every GitLab version
// reads lines.begin, while positions (with columns) came later. The path
// is relative to the working directory: run apigwlint from the repository
// root. check_name is "apigwlint/RULE", so that findings of several tools
// in one pipeline stay apart.
type GitLab struct{}

type gitlabIssue struct {
	Type        string         `json:"type"`
	CheckName   string         `json:"check_name"`
	Description string         `json:"description"`
	Categories  []string       `json:"categories"`
	Severity    string         `json:"severity"`
	Fingerprint string         `json:"fingerprint"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// Format writes the report.
func (GitLab) Format(w io.Writer, res *lint.Result) error {
	prints := fingerprints(res)
	issues := make([]gitlabIssue, 0, len(res.Diags))
	for i, d := range res.Diags {
		begin := max(d.Range.Start.Line, 1)
		end := max(d.Range.End.Line, begin)
		// A half-open range that ends at column 1 ends on the line before.
		if end > begin && d.Range.End.Col <= 1 {
			end--
		}
		issues = append(issues, gitlabIssue{
			Type:        "issue",
			CheckName:   "apigwlint/" + d.Rule,
			Description: withRelated(d),
			Categories:  []string{"Bug Risk"},
			Severity:    gitlabSeverity(d.Severity),
			Fingerprint: prints[i],
			Location:    gitlabLocation{Path: d.File, Lines: gitlabLines{Begin: begin, End: end}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "<stdin>" and "&a" read better unescaped; both are valid JSON
	return enc.Encode(issues)
}

func gitlabSeverity(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "major"
	case diag.Warning:
		return "minor"
	}
	return "info"
}
