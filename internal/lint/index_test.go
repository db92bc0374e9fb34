package lint

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/rules"
)

// A file read only for the project index (IndexBytes: detection and the
// normalisation of rules.IndexParams, no validation, no rules) must give the
// very index a full check gives, or a partial run would see other clashes
// than a whole run. Every definition file of the repository's test data
// (the case suite holds every odd spelling: JSON strings in every scalar
// style, lowerCamel keys, lower-case enums) and a run of generated files
// are compared.
func TestIndexBytesSameIndexAsCheckBytes(t *testing.T) {
	t.Parallel()
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
	for i := 0; i < 10; i++ {
		name, data := gen.ROSTemplate(i)
		files = append(files, file{name, data})
	}
	entries := 0
	for _, f := range files {
		want := CheckBytes(f.name, f.data, false).Index
		got := IndexBytes(f.name, f.data).Index
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: index-only read gives\n%+v\na full check gives\n%+v", f.name, got, want)
		}
		entries += len(want.Facts)
	}
	if entries < 300 {
		t.Fatalf("only %d index entries in %d files: the comparison proves little", entries, len(files))
	}
}

// A partial run narrows the other files' index entries to those that can
// clash with the named files' (facts.Narrow). Over a generated project
// with clashes of every kind injected (exact copies, an ANY method, a
// renamed path parameter, reused service names and client tokens), every
// project rule on (path-unique-strict is off by default), and many random
// choices of named files, the narrowed run must report exactly what the
// whole index gives.
func TestNarrowKeepsDiagnostics(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	var names []string
	for i := 0; i < 100; i++ {
		name, data := gen.File(i)
		files[name] = string(data)
		names = append(names, name)
	}
	sort.Strings(names)
	r := rand.New(rand.NewPCG(7, 8))
	// escaped writes a value's last character as an escape, so that the
	// file's bytes do not hold the value verbatim (a partial run must
	// still parse it, see facts.NeedleSet).
	escaped := func(text, key string) string {
		i := strings.Index(text, key+": ")
		if i < 0 {
			return text
		}
		start := i + len(key) + 2
		end := start + strings.IndexByte(text[start:], '\n')
		v := strings.Trim(text[start:end], `"'`)
		if v == "" {
			return text
		}
		return text[:start] + fmt.Sprintf(`"%s\x%02x"`, v[:len(v)-1], v[len(v)-1]) + text[end:]
	}
	var sources []string // the file each copy was made from
	for k := 0; k < 36; k++ {
		src := names[r.IntN(len(names))]
		sources = append(sources, src)
		text := files[src]
		switch k % 6 {
		case 1:
			text = strings.Replace(text, "RequestHttpMethod: GET", "RequestHttpMethod: ANY", 1)
		case 2:
			text = strings.Replace(text, "[", "[renamed", 1)
		case 3:
			text = strings.Replace(text, "ApiName: ", "ApiName: Other", 1)
		case 4:
			text = escaped(escaped(escaped(text, "GroupId"), "clientToken"), "  - name")
		case 5:
			text = strings.Replace(text, "GroupId: ", "GroupId: '", 1)
			text = strings.Replace(text, "\nApiName", "'\nApiName", 1)
		}
		dup := fmt.Sprintf("copies/%02d-%s", k, filepath.Base(src))
		files[dup] = text
		names = append(names, dup)
	}
	root := project(t, files)
	all := func(r *rules.Rule, file string) diag.Severity {
		if r.Kind == rules.Project {
			return diag.Error
		}
		return r.Severity
	}
	runWith := func(narrowed bool, paths []string) string {
		res := run(t, Options{Dir: root, ProjectRoot: root, Paths: paths, Severity: all, wholeIndex: !narrowed})
		return strings.Join(brief(res.Diags), "\n")
	}
	clashes := 0
	for trial := 0; trial < 36+10; trial++ {
		// Each original (its copy is in the project, unnamed), then
		// random choices of one to three files.
		var paths []string
		if trial < len(sources) {
			paths = []string{sources[trial]}
		}
		for n := 1 + r.IntN(3); trial >= len(sources) && n > 0; n-- {
			paths = append(paths, names[r.IntN(len(names))])
		}
		got, want := runWith(true, paths), runWith(false, paths)
		if got != want {
			t.Fatalf("named %v: narrowed run reports\n%s\nthe whole index gives\n%s", paths, got, want)
		}
		if want != "" {
			clashes++
		}
	}
	if clashes < 36 {
		t.Fatalf("only %d of 46 partial runs found a clash: the comparison proves little", clashes)
	}
}

// wholeIndex turns narrowing off: when the named file contributes nothing
// to the index, a narrowed partial run reads no other file, a whole-index
// one reads them all.
func TestWholeIndexReadsEveryOtherFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := writer(t, dir)
	write("named.yaml", "Action: CreateService\nsourceType: K8S\n")
	for _, name := range []string{"a", "b", "c"} {
		write(name+".yaml", serviceDef(name, ""))
	}
	for _, whole := range []bool{false, true} {
		var reads atomic.Int64
		run(t, Options{Dir: dir, ProjectRoot: dir, Paths: []string{"named.yaml"}, wholeIndex: whole, indexReads: &reads})
		want := int64(0)
		if whole {
			want = 3
		}
		if got := reads.Load(); got != want {
			t.Errorf("wholeIndex %v: %d other files read, want %d", whole, got, want)
		}
	}
}
