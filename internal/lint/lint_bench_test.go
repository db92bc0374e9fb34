package lint_test

import (
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/internal/lint"
)

// benchTree writes n generated files once per benchmark.
func benchTree(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	if _, err := gen.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkRun is a cold run (no cache) over 1,000 generated files: walk,
// read, parse, schema, rules, sort.
func BenchmarkRun(b *testing.B) {
	dir := benchTree(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		res, err := lint.Run(lint.Options{Paths: []string{dir}, Dir: dir})
		if err != nil || len(res.Diags) != 0 {
			b.Fatalf("err %v, %d diagnostics", err, len(res.Diags))
		}
	}
}

// BenchmarkCheckBytes is the per-file work alone, on one core, over every
// kind of generated file.
func BenchmarkCheckBytes(b *testing.B) {
	type file struct {
		name string
		data []byte
	}
	var files []file
	var size int64
	for i := 0; i < 64; i++ {
		name, data := gen.File(i)
		files = append(files, file{name, data})
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			lint.CheckBytes(f.name, f.data, false)
		}
	}
}

// BenchmarkDefinitions compares the cold per-definition cost of the
// front-ends: request files (the generated mix) and ROS templates of
// gen.ROSAPIs APIs each, on one core. The metric is ns/def.
func BenchmarkDefinitions(b *testing.B) {
	type file struct {
		name string
		data []byte
	}
	for _, format := range []string{"request", "ros"} {
		b.Run(format, func(b *testing.B) {
			var files []file
			for i := 0; i < 64; i++ {
				name, data := gen.File(i)
				if format == "ros" {
					name, data = gen.ROSTemplate(i)
				}
				files = append(files, file{name, data})
			}
			defs := 0
			for _, f := range files {
				defs += lint.CheckBytes(f.name, f.data, false).Definitions
			}
			b.ResetTimer()
			for b.Loop() {
				for _, f := range files {
					lint.CheckBytes(f.name, f.data, false)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*defs), "ns/def")
		})
	}
}

// BenchmarkRunROS is a cold run over 2,000 generated ROS templates of
// gen.ROSAPIs APIs each (10,000 definitions).
func BenchmarkRunROS(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.WriteROS(dir, 2000); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := lint.Run(lint.Options{Paths: []string{dir}, Dir: dir})
		if err != nil || len(res.Diags) != 0 || res.Definitions != 2000*gen.ROSAPIs {
			b.Fatalf("err %v, %d diagnostics, %d definitions", err, len(res.Diags), res.Definitions)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*2000*gen.ROSAPIs), "ns/def")
}
