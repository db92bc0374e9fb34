package output

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/internal/source"
)

// fingerprints returns one stable identifier per diagnostic of res (same
// order), for the formats whose consumers track findings across runs
// (SARIF partialFingerprints, GitLab Code Quality fingerprint).
//
// A fingerprint hashes the rule, the file, the message and the text of the
// diagnostic's first line with surrounding blanks trimmed — never a line or
// column number — so an edit elsewhere in the file that moves the finding
// does not make it look new. Two findings that would still hash alike (the
// same rule and message on two identical lines) are told apart by their
// rank among those twins, in file order, as GitHub does for its own
// primaryLocationLineHash.
func fingerprints(res *lint.Result) []string {
	files := sourceFiles(res)
	seen := map[string]int{}
	out := make([]string, len(res.Diags))
	for i, d := range res.Diags {
		line := ""
		if f := files[d.File]; f != nil {
			line = strings.TrimSpace(f.Line(d.Range.Start.Line))
		}
		base := hashHex(d.Rule, d.File, d.Message, line)
		seen[base]++
		out[i] = hashHex(base, strconv.Itoa(seen[base]))
	}
	return out
}

// hashHex hashes the parts, separated by NUL so that no two different
// lists of parts hash alike, to 32 hex digits (the length of the MD5 sums
// GitLab's documentation shows).
func hashHex(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
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
