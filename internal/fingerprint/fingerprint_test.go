package fingerprint

import "testing"

// The values are pinned: SARIF partialFingerprints, GitLab fingerprints and
// baseline files written by earlier versions must keep matching.
func TestPinned(t *testing.T) {
	base := Of("schema", "apis/a.yaml", "bad value", "  Visibility: private  ")
	if base != Of("schema", "apis/a.yaml", "bad value", "Visibility: private") {
		t.Error("blanks around the line changed the fingerprint")
	}
	if base != Of("schema", "apis/a.yaml", "bad value", "Visibility: private\r") {
		t.Error("a CRLF line ending changed the fingerprint")
	}
	if base == Of("schema", "apis/b.yaml", "bad value", "Visibility: private") {
		t.Error("the file does not count")
	}
	if Ranked(base, 1) == Ranked(base, 2) {
		t.Error("ranks alike")
	}
	if got, want := Hash("a", "b"), Hash("a", "b"); got != want || len(got) != 32 {
		t.Errorf("Hash = %q", got)
	}
	if Hash("ab", "") == Hash("a", "b") {
		t.Error("parts are not separated")
	}
	if got := Of("schema", "apis/a.yaml", "bad value", "Visibility: private"); got != "192cff605bc6e7250277641760778448" {
		t.Errorf("Of = %s, want the value of earlier versions", got)
	}
}
