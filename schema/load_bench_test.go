package schema

import "testing"

// BenchmarkCompile is the once-per-process cost of loading and compiling
// both schemas with the library (paid only when a definition fails the
// fast path).
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		all, err := loadAll()
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range all {
			if _, err := s.compiled(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoad is what every process pays: reading both schemas and
// building their fast-path form.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadAll(); err != nil {
			b.Fatal(err)
		}
	}
}
