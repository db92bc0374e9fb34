package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
)

// A file read only for the project index (IndexBytes: detection and the
// normalisation of rules.IndexKeys, no validation, no rules) must give the
// very index a full check gives, or a partial run would see other clashes
// than a whole run. Every definition file of the repository's test data
// (the case suite holds every odd spelling: JSON strings in every scalar
// style, lowerCamel keys, lower-case enums) and a run of generated files
// are compared.
func TestIndexBytesSameIndexAsCheckBytes(t *testing.T) {
	type file struct {
		name string
		data []byte
	}
	var files []file
	err := filepath.WalkDir("../../testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".json":
			data, err := os.ReadFile(p)
			if err == nil {
				files = append(files, file{p, data})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		name, data := gen.File(i)
		files = append(files, file{name, data})
	}
	entries := 0
	for _, f := range files {
		want := CheckBytes(f.name, f.data, false).Index
		got := IndexBytes(f.name, f.data).Index
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: index-only read gives\n%+v\na full check gives\n%+v", f.name, got, want)
		}
		entries += len(want.APIs) + len(want.Services) + len(want.Tokens)
	}
	if entries < 300 {
		t.Fatalf("only %d index entries in %d files: the comparison proves little", entries, len(files))
	}
}
