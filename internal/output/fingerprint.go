package output

import (
	"github.com/apigwlint/apigwlint/internal/fingerprint"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
)

// fingerprints returns one stable identifier per diagnostic of res (same
// order), for the formats whose consumers track findings across runs
// (SARIF partialFingerprints, GitLab Code Quality fingerprint): the
// line-number-free fingerprint.Of of each, ranked among its twins in file
// order (fingerprint.Ranked) so that every identifier is unique.
func fingerprints(res *lint.Result) []string {
	files := sourceFiles(res)
	seen := map[string]int{}
	out := make([]string, len(res.Diags))
	for i, d := range res.Diags {
		line := ""
		if f := files[d.File]; f != nil {
			line = f.Line(d.Range.Start.Line)
		}
		base := fingerprint.Of(d.Rule, d.File, d.Message, line)
		seen[base]++
		out[i] = fingerprint.Ranked(base, seen[base])
	}
	return out
}

// sourceFiles indexes the loaded files of a result by the path the
// diagnostics use. The engine keeps the text of every file with a
// diagnostic.
func sourceFiles(res *lint.Result) map[string]*source.File {
	files := map[string]*source.File{}
	for _, fr := range res.Files {
		if fr.File != nil {
			files[fr.Path] = fr.File
		}
	}
	return files
}
