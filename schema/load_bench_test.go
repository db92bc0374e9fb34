package schema

import "testing"

// BenchmarkCompile is the once-per-process cost of loading and compiling
// both schemas with the library (paid only when a definition fails the
// fast path). The library's draft meta-schema is compiled on first use
// and kept, so this measures the schemas' own compilation.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		for _, op := range Ops {
			s, err := load(op)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.compiled(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoad is what a process pays for each operation it meets:
// reading the schema and building its fast-path form.
func BenchmarkLoad(b *testing.B) {
	for _, op := range Ops {
		b.Run(op, func(b *testing.B) {
			for b.Loop() {
				if _, err := load(op); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
