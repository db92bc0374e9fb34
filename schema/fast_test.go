package schema

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/gen"
	"github.com/apigwlint/apigwlint/internal/source"
)

// values returns the validation values of every definition in the case
// suite, the examples and a run of generated files, as Check builds them.
func values(t *testing.T) (ops []string, vals []any) {
	t.Helper()
	add := func(name string, data []byte) {
		f := source.Load(name, data, source.DefaultOptions)
		for _, doc := range f.Docs {
			op, d := Detect(doc.Root, name, doc.Index)
			if d != nil {
				continue
			}
			s := MustGet(op)
			c := &checker{s: s, file: name, doc: doc.Index, suggested: map[string]bool{}}
			ops = append(ops, op)
			vals = append(vals, c.walk(doc.Root, s.Root, false))
		}
	}
	for _, root := range []string{"../testdata/cases", "../testdata/examples"} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.Contains(".yaml.yml.json", filepath.Ext(p)) && filepath.Ext(p) != "" {
				data, _ := os.ReadFile(p)
				add(p, data)
			}
			return nil
		})
	}
	for i := 0; i < 64; i++ {
		add(gen.File(i))
	}
	return ops, vals
}

// mutate returns a copy of v with one random change somewhere below it.
func mutate(r *rand.Rand, v any) any {
	replacements := []any{nil, true, 3.5, 70000.0, -1.0, "", "x", strings.Repeat("é", 300), "HTTP", []any{}, map[string]any{}, []any{"a"}}
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		keys := make([]string, 0, len(t))
		for k, x := range t {
			out[k] = x
			keys = append(keys, k)
		}
		sort.Strings(keys)
		switch r.IntN(4) {
		case 0:
			out["NoSuchKey"] = "x"
			return out
		case 1:
			if len(keys) > 0 {
				delete(out, keys[r.IntN(len(keys))])
			}
			return out
		}
		if len(keys) > 0 {
			k := keys[r.IntN(len(keys))]
			out[k] = mutate(r, t[k])
		}
		return out
	case []any:
		out := append([]any(nil), t...)
		if len(out) == 0 || r.IntN(4) == 0 {
			return append(out, replacements[r.IntN(len(replacements))])
		}
		i := r.IntN(len(out))
		out[i] = mutate(r, out[i])
		return out
	}
	return replacements[r.IntN(len(replacements))]
}

// The fast path must agree with the library: never valid where the
// library finds an error (that would hide a diagnostic), and, for these
// schemas, never invalid where the library finds none (that would only
// cost time, but it would mean the two disagree on a keyword).
func TestFastPathAgreesWithLibrary(t *testing.T) {
	t.Parallel()
	for _, op := range Ops {
		if _, err := buildFast(MustGet(op).internal); err != nil {
			t.Fatalf("%s: the fast path does not understand the schema, so it is never used: %v", op, err)
		}
	}
	ops, vals := values(t)
	if len(vals) < 100 {
		t.Fatalf("only %d definitions", len(vals))
	}
	r := rand.New(rand.NewPCG(1, 2))
	checked, invalid := 0, 0
	check := func(op string, v any) {
		s := MustGet(op)
		compiled, err := s.compiled()
		if err != nil {
			t.Fatal(err)
		}
		lib := compiled.Validate(v) == nil
		if fast := s.fast.valid(v, 0); fast != lib {
			t.Fatalf("%s: fast path says valid=%v, library says valid=%v for %#v", op, fast, lib, v)
		}
		checked++
		if !lib {
			invalid++
		}
	}
	for i, v := range vals {
		check(ops[i], v)
		for k := 0; k < 30; k++ {
			check(ops[i], mutate(r, v))
		}
	}
	if invalid < checked/4 || invalid == checked {
		t.Fatalf("%d of %d values invalid: the mutations do not exercise both answers", invalid, checked)
	}
}

// Check gives the same diagnostics with and without the fast path.
func TestCheckSameWithoutFastPath(t *testing.T) {
	t.Parallel()
	var files []string
	filepath.WalkDir("../testdata", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".json")) {
			files = append(files, p)
		}
		return nil
	})
	run := func(p string, fast bool) any {
		data, _ := os.ReadFile(p)
		f := source.Load(p, data, source.DefaultOptions)
		var out [][]any
		for _, doc := range f.Docs {
			if op, d := Detect(doc.Root, p, doc.Index); d == nil {
				out = append(out, []any{check(doc.Root, op, p, doc.Index, fast, nil)})
			}
		}
		return out
	}
	for _, p := range files {
		a, b := run(p, true), run(p, false)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: diagnostics differ with the fast path:\n%v\n%v", p, a, b)
		}
	}
}

// The configuration's fast path must agree with the library on every
// configuration in the repository and on mutations of them: a config the
// library rejects must never be waved through.
func TestConfigFastPathAgreesWithLibrary(t *testing.T) {
	t.Parallel()
	if configFast() == nil {
		t.Fatal("the fast path does not understand config.json, so it is never used")
	}
	c := NewCompiler()
	const url = "https://apigwlint.dev/schema/config.json"
	if err := c.AddResource(url, strings.NewReader(string(ConfigSchema()))); err != nil {
		t.Fatal(err)
	}
	lib, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	var vals []any
	filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == ".apigwlint.yaml" {
			data, _ := os.ReadFile(p)
			for _, doc := range source.Load(p, data, source.DefaultOptions).Docs {
				vals = append(vals, doc.Root.ToValue())
			}
		}
		return nil
	})
	vals = append(vals, map[string]any{
		"ignore":    []any{"vendor/**"},
		"rules":     map[string]any{"duplicate-api-path": "warning", "body-format-missing": "error"},
		"overrides": []any{map[string]any{"files": []any{"legacy/**"}, "rules": map[string]any{"api-name-cjk": "off"}}},
	})
	// Invalid by one keyword each: propertyNames, enum, pattern of a glob.
	vals = append(vals,
		map[string]any{"rules": map[string]any{"Not_A_Rule": "warning"}},
		map[string]any{"rules": map[string]any{"body-on-get": "warn"}},
		map[string]any{"ignore": []any{""}},
	)
	if len(vals) < 5 {
		t.Fatalf("only %d configurations found", len(vals))
	}
	r := rand.New(rand.NewPCG(3, 4))
	checked, invalid := 0, 0
	for _, v := range vals {
		for k := 0; k < 200; k++ {
			x := v
			if k > 0 {
				x = mutate(r, v)
			}
			want := lib.Validate(x) == nil
			if got := ConfigCertainlyValid(x); got && !want {
				t.Fatalf("fast path says valid, library says invalid: %#v", x)
			} else if got != want {
				t.Fatalf("fast path says invalid, library says valid (the two disagree on a keyword): %#v", x)
			}
			checked++
			if !want {
				invalid++
			}
		}
	}
	if invalid < checked/10 || invalid == checked {
		t.Fatalf("%d of %d configurations invalid: the mutations do not exercise both answers", invalid, checked)
	}
	t.Logf("%d configurations, %d invalid", checked, invalid)
}

// TestCheckWithoutFastPathUsesLibrary: with fast false a valid definition
// is validated by the library, which allocates many times what the fast
// path does (not parallel: AllocsPerRun).
func TestCheckWithoutFastPathUsesLibrary(t *testing.T) {
	data, err := os.ReadFile("../testdata/examples/apis/users/get-user.yaml")
	if err != nil {
		t.Fatal(err)
	}
	allocs := func(fast bool) float64 {
		f := source.Load("get-user.yaml", data, source.DefaultOptions)
		root := f.Docs[0].Root
		check(root, CreateApi, "get-user.yaml", 0, fast, nil) // normalised once; the runs below validate only
		return testing.AllocsPerRun(5, func() {
			if diags := check(root, CreateApi, "get-user.yaml", 0, fast, nil); len(diags) > 0 {
				t.Fatal(diags)
			}
		})
	}
	if fast, slow := allocs(true), allocs(false); slow < 2*fast {
		t.Fatalf("%v allocations without the fast path, %v with it: the parameter is not honoured", slow, fast)
	}
}
