package jsonschema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	upstream "github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/apigwlint/apigwlint/internal/source"
	fork "github.com/apigwlint/apigwlint/internal/third_party/jsonschema"
)

// The copy differs from upstream v5.3.1 only in when the draft
// meta-schemas are compiled. These tests compile apigwlint's schemas with
// both and require the same verdict and the same errors on every
// definition of the repository's examples and on many broken variants of
// them, and the same rejection of broken schemas (which proves the lazily
// compiled meta-schema is used).

func refuse(url string) (io.ReadCloser, error) { return nil, fmt.Errorf("refusing %q", url) }

type pair struct {
	fork *fork.Schema
	up   *upstream.Schema
}

func compileBoth(t *testing.T, name string, raw []byte) (pair, error, error) {
	t.Helper()
	url := "https://apigwlint.dev/test/" + name
	fc := fork.NewCompiler()
	fc.Draft, fc.AssertFormat, fc.LoadURL = fork.Draft2020, true, refuse
	uc := upstream.NewCompiler()
	uc.Draft, uc.AssertFormat, uc.LoadURL = upstream.Draft2020, true, refuse
	var p pair
	var ferr, uerr error
	if ferr = fc.AddResource(url, bytes.NewReader(raw)); ferr == nil {
		p.fork, ferr = fc.Compile(url)
	}
	if uerr = uc.AddResource(url, bytes.NewReader(raw)); uerr == nil {
		p.up, uerr = uc.Compile(url)
	}
	return p, ferr, uerr
}

// outcome is a validation result as comparable text: the basic output's
// errors, sorted (the library reports causes in map order).
func outcome(err error) string {
	if err == nil {
		return "valid"
	}
	var out any
	switch e := err.(type) {
	case *fork.ValidationError:
		out = e.BasicOutput()
	case *upstream.ValidationError:
		out = e.BasicOutput()
	default:
		return "error: " + err.Error()
	}
	b, _ := json.Marshal(out)
	var generic struct {
		Valid  bool             `json:"valid"`
		Errors []map[string]any `json:"errors"`
	}
	if e := json.Unmarshal(b, &generic); e != nil {
		return "unparsable output: " + e.Error()
	}
	var lines []string
	for _, e := range generic.Errors {
		lines = append(lines, fmt.Sprint(e["keywordLocation"], " | ", e["instanceLocation"], " | ", e["error"]))
	}
	sort.Strings(lines)
	return fmt.Sprintf("valid=%v\n%s", generic.Valid, strings.Join(lines, "\n"))
}

func TestSameVerdictsAsUpstream(t *testing.T) {
	schemas := map[string]pair{}
	for _, op := range []string{"CreateApi", "CreateService"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "..", "schema", op+".json"))
		if err != nil {
			t.Fatal(err)
		}
		p, ferr, uerr := compileBoth(t, op+".json", raw)
		if ferr != nil || uerr != nil {
			t.Fatalf("%s: compile: fork %v, upstream %v", op, ferr, uerr)
		}
		schemas[op] = p
	}
	var docs []map[string]any
	for _, dir := range []string{"examples", "faulty"} {
		root := filepath.Join("..", "..", "..", "testdata", dir)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, d := range source.Load(p, data, source.DefaultOptions).Docs {
				if m, ok := d.Root.ToValue().(map[string]any); ok {
					docs = append(docs, m)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(docs) < 20 {
		t.Fatalf("only %d definitions found: the fixtures moved?", len(docs))
	}
	// Broken variants: every top-level value replaced by a value of each
	// other JSON type, and every key dropped in turn.
	replacements := []any{nil, true, 42.0, -1.5, "", "x", []any{}, []any{"a"}, map[string]any{}, map[string]any{"Bogus": 1.0}}
	checked, invalid := 0, 0
	check := func(doc map[string]any, what string) {
		op, _ := doc["Action"].(string)
		p, ok := schemas[op]
		if !ok {
			return
		}
		f, u := outcome(p.fork.Validate(doc)), outcome(p.up.Validate(doc))
		if f != u {
			t.Errorf("%s: the copy says\n%s\nupstream says\n%s", what, f, u)
		}
		checked++
		if f != "valid" {
			invalid++
		}
	}
	for i, doc := range docs {
		check(doc, fmt.Sprintf("definition %d", i))
		for k := range doc {
			if k == "Action" {
				continue
			}
			for j, r := range replacements {
				v := map[string]any{}
				for kk, vv := range doc {
					v[kk] = vv
				}
				v[k] = r
				check(v, fmt.Sprintf("definition %d, %s = replacement %d", i, k, j))
			}
			v := map[string]any{}
			for kk, vv := range doc {
				if kk != k {
					v[kk] = vv
				}
			}
			check(v, fmt.Sprintf("definition %d without %s", i, k))
		}
	}
	if invalid == 0 || invalid == checked {
		t.Fatalf("%d of %d variants invalid: the comparison does not exercise both outcomes", invalid, checked)
	}
	t.Logf("%d documents compared, %d invalid", checked, invalid)
}

func TestSameSchemaRejections(t *testing.T) {
	for _, raw := range []string{
		`{"type": 5}`,
		`{"properties": {"a": {"minLength": -1}}}`,
		`{"$defs": {"x": {"enum": 3}}}`,
		`{"$schema": "http://json-schema.org/draft-07/schema#", "type": "strin"}`,
		`{"$schema": "http://json-schema.org/draft-04/schema#", "required": []}`,
		`{"type": "object", "required": ["a"]}`,
	} {
		_, ferr, uerr := compileBoth(t, "s.json", []byte(raw))
		if (ferr == nil) != (uerr == nil) {
			t.Errorf("%s: the copy says %v, upstream %v", raw, ferr, uerr)
			continue
		}
		if ferr != nil && strings.ReplaceAll(ferr.Error(), "jsonschema: ", "") != strings.ReplaceAll(uerr.Error(), "jsonschema: ", "") {
			t.Errorf("%s: different errors:\n%v\n%v", raw, ferr, uerr)
		}
	}
	// The first five are invalid schemas: the meta-schema must catch them.
	_, ferr, _ := compileBoth(t, "s.json", []byte(`{"type": 5}`))
	if ferr == nil {
		t.Fatal("the copy accepted a schema with \"type\": 5: the meta-schema was not applied")
	}
}
