package schema

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/internal/source"
)

// benchCheck validates every definition of 64 generated files (each kind),
// loading them afresh each time because Check normalises trees in place.
func benchCheck(b *testing.B, fast bool) {
	type file struct {
		name string
		data []byte
	}
	var files []file
	for i := 0; i < 64; i++ {
		name, data := gen.File(i)
		files = append(files, file{name, data})
	}
	for b.Loop() {
		for _, f := range files {
			b.StopTimer()
			loaded := source.Load(f.name, f.data, source.DefaultOptions)
			b.StartTimer()
			for _, doc := range loaded.Docs {
				op, _ := Detect(doc.Root, f.name, doc.Index)
				if diags := check(doc.Root, op, f.name, doc.Index, fast, nil); len(diags) > 0 {
					b.Fatal(diags)
				}
			}
		}
	}
}

// BenchmarkCheck is schema validation as a run does it: valid definitions
// take the fast path.
func BenchmarkCheck(b *testing.B) { benchCheck(b, true) }

// BenchmarkCheckLibraryOnly is the same with every definition validated by
// jsonschema/v5 (the cost the fast path saves).
func BenchmarkCheckLibraryOnly(b *testing.B) { benchCheck(b, false) }
