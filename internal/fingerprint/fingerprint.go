// Package fingerprint names a finding by what it is rather than where it
// is, so that it can be followed across runs: the SARIF and GitLab reports
// (internal/output) and the baseline (internal/baseline) share it.
//
// A fingerprint hashes the rule, the file, the message and the text of the
// finding's first line with surrounding blanks trimmed — never a line or
// column number — so an edit elsewhere in the file that moves the finding
// does not make it look new.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Of is the fingerprint of a finding of rule in file (a path with '/'
// separators) with message, on a line whose text is line (blanks around
// it do not count). Two findings alike in all four (the same rule and
// message on two identical lines) have the same fingerprint: callers tell
// them apart by rank (Ranked) or count them (the baseline).
func Of(rule, file, message, line string) string {
	return Hash(rule, file, message, strings.TrimSpace(line))
}

// Ranked is the fingerprint of the n-th (1-based, in file order) of the
// findings whose fingerprint is base, as GitHub ranks twins for its own
// primaryLocationLineHash.
func Ranked(base string, n int) string {
	return Hash(base, strconv.Itoa(n))
}

// Hash hashes the parts, separated by NUL so that no two different lists
// of parts hash alike, to 32 hex digits (the length of the MD5 sums
// GitLab's documentation shows).
func Hash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
