package diag

import (
	"strings"
	"testing"
)

func TestClip(t *testing.T) {
	long := strings.Repeat("é", MaxQuoted+1)
	for in, want := range map[string]string{
		"":                             "",
		"short":                        "short",
		strings.Repeat("x", MaxQuoted): strings.Repeat("x", MaxQuoted),
		long:                           long[:2*MaxQuoted] + "…",
		strings.Repeat("y", 5<<20):     strings.Repeat("y", MaxQuoted) + "…",
	} {
		if got := Clip(in); got != want {
			t.Errorf("Clip(%d bytes) = %q, want %q", len(in), got, want)
		}
	}
}

func TestSprintfClipsUserText(t *testing.T) {
	huge := strings.Repeat("k", 5<<20)
	list := strings.Repeat("A, ", 100) // composed by a message, not quoted: kept
	got := Sprintf("unknown key %q in %s; %d%% %5.2f expected one of %s (%q)", huge, "RequestConfig", 5, 1.5, list, "ok")
	want := `unknown key "` + strings.Repeat("k", MaxQuoted) + `…" in RequestConfig; 5% ` + " 1.50 expected one of " + list + ` ("ok")`
	if got != want {
		t.Errorf("Sprintf = %.300q\nwant      %.300q", got, want)
	}
	if got := Sprintf("path %s", huge); len(got) > MaxQuoted+20 {
		t.Errorf("a huge %%s argument was echoed whole (%d bytes)", len(got))
	}
}
