package source

import (
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
)

// benchFiles returns one generated file of every kind, YAML or JSON.
func benchFiles(json bool) (names []string, data [][]byte, size int64) {
	for i := 0; i < 64; i++ {
		name, d := gen.File(i)
		if strings.HasSuffix(name, ".json") != json {
			continue
		}
		names = append(names, name)
		data = append(data, d)
		size += int64(len(d))
	}
	return names, data, size
}

func benchLoad(b *testing.B, json bool, opts Options) {
	names, data, size := benchFiles(json)
	b.SetBytes(size)
	for b.Loop() {
		for i := range data {
			if f := Load(names[i], data[i], opts); len(f.Problems) > 0 {
				b.Fatal(f.Problems)
			}
		}
	}
}

// BenchmarkLoadYAML reads the generated YAML files into trees (go-yaml
// parse, conversion, positions, pointers).
func BenchmarkLoadYAML(b *testing.B) { benchLoad(b, false, DefaultOptions) }

// BenchmarkLoadJSON is the same for the JSON files (own parser).
func BenchmarkLoadJSON(b *testing.B) { benchLoad(b, true, DefaultOptions) }

// BenchmarkPrescan is the limit check run before go-yaml sees a document.
func BenchmarkPrescan(b *testing.B) {
	_, data, size := benchFiles(false)
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range data {
			if le := prescan(d, 1); le != nil {
				b.Fatal(le.msg)
			}
		}
	}
}

// BenchmarkExpand parses JSON-string parameters with positions mapped into
// the file.
func BenchmarkExpand(b *testing.B) {
	var strs []*Node
	names, data, _ := benchFiles(false)
	for i := range data {
		for _, doc := range Load(names[i], data[i], DefaultOptions).Docs {
			doc.Root.Walk(func(n *Node) bool {
				if n.Kind == String && strings.HasPrefix(n.Value, "[{") || strings.HasPrefix(n.Value, "{\"") {
					strs = append(strs, n)
				}
				return true
			})
		}
	}
	if len(strs) == 0 {
		b.Fatal("no JSON strings")
	}
	for b.Loop() {
		for _, n := range strs {
			if _, _, err := Expand(n); err != nil {
				b.Fatal(err)
			}
		}
	}
}
