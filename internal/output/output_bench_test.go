package output

import (
	"fmt"
	"io"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
)

// benchResult is a result with 10,000 diagnostics over 1,000 files, each
// with its text for snippets.
func benchResult() *lint.Result {
	res := &lint.Result{}
	for f := 0; f < 1000; f++ {
		name := fmt.Sprintf("apis/group-%03d/file-%04d.yaml", f/50, f)
		text := []byte("Action: CreateApi\nGroupId: 08ae4aa0f95e4321849ee57f4e0b3077\nApiName: ab\nVisibility: public\nRequestConfig: {RequestProtocol: HTTP, RequestHttpMethod: GET, RequestPath: /users, RequestMode: MAPPING}\n")
		res.Files = append(res.Files, &lint.FileResult{Path: name, File: source.Text(name, text)})
		for d := 0; d < 10; d++ {
			line := 1 + d%5
			res.Diags = append(res.Diags, diag.Diagnostic{
				File: name, Range: diag.Range{Start: diag.Pos{Line: line, Col: 3}, End: diag.Pos{Line: line, Col: 9}},
				Severity: diag.Error, Rule: "schema", Message: fmt.Sprintf("ApiName \"ab\" is too short: at least 4 characters (%d)", d),
				Pointer: "/ApiName", Related: []diag.Related{{File: name, Range: diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 7}}, Message: "here"}},
			})
		}
	}
	res.Summary = lint.Summary{Files: 1000, Definitions: 1000, Errors: len(res.Diags)}
	return res
}

func benchFormat(b *testing.B, f Formatter) {
	res := benchResult()
	for b.Loop() {
		if err := f.Format(io.Discard, res); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkText formats 10,000 diagnostics with snippets and carets.
func BenchmarkText(b *testing.B) { benchFormat(b, &Text{}) }

// BenchmarkTextColor is the same with colours.
func BenchmarkTextColor(b *testing.B) { benchFormat(b, &Text{Color: true}) }

// BenchmarkJSON formats 10,000 diagnostics as the JSON report.
func BenchmarkJSON(b *testing.B) { benchFormat(b, JSON{}) }
