package baseline

import (
	"bytes"
	"testing"
)

// Parse never panics, and what it accepts encodes and parses back to the
// same baseline.
func FuzzParse(f *testing.F) {
	var buf bytes.Buffer
	Build(findings()).Encode(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(`{"version": 1, "entries": [{"file": "a", "rule": "r", "fingerprint": "f", "count": 1}]}`))
	f.Add([]byte(`{"version": 1, "entries": [{"file": 3}]}`))
	f.Add([]byte("{\"version\": 1,\n \"entries\": [}"))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("x.json", data)
		if err != nil {
			if e, ok := err.(*Error); ok && e.Line < 0 {
				t.Fatalf("negative line: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := b.Encode(&out); err != nil {
			t.Fatal(err)
		}
		again, err := Parse("x.json", out.Bytes())
		if err != nil || len(again.Entries) != len(b.Entries) {
			t.Fatalf("re-parse: %v\n%s", err, out.String())
		}
	})
}
