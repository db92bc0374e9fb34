// Package schema holds one JSON Schema (draft 2020-12) per gateway
// operation, embedded into the binary, and checks definitions against them.
//
// The published schemas (printed by `apigwlint schema`) accept a
// JSON-string parameter either structured or as a string, for editors. The
// linter itself parses such strings into the document tree first (see
// source.Expand) and validates against a copy of the schema in which those
// parameters take only the structured form, so that one mistake gives one
// diagnostic instead of a cascade from both branches.
package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/internal/third_party/jsonschema"
)

//go:embed CreateApi.json CreateService.json config.json
var files embed.FS

// Operation names.
const (
	CreateApi     = "CreateApi"
	CreateService = "CreateService"
)

// Operation is one gateway operation apigwlint checks definitions of.
// Operations are data: detection, schemas, the CLI and the editor all read
// this table, so a new operation is one row and one schema file.
type Operation struct {
	Name    string // the Action value, e.g. CreateApi
	Product string // the product and API version it belongs to
	File    string // its schema file in this package
	// Its detection keys are the documented top-level parameters of its
	// schema (Schema.TopLevel): a document without Action is a definition
	// of the operation whose keys it uses (see Detect).
}

// Operations is the table of operations, in a fixed order.
var Operations = []Operation{
	{Name: CreateApi, Product: "API Gateway (CloudAPI 2016-07-14)", File: "CreateApi.json"},
	{Name: CreateService, Product: "Cloud-native API Gateway (APIG 2024-03-27), POST /v1/services", File: "CreateService.json"},
}

// Ops lists the operation names in table order.
var Ops = func() []string {
	out := make([]string, len(Operations))
	for i, o := range Operations {
		out[i] = o.Name
	}
	return out
}()

// OperationOf returns the table row of an operation, or nil.
func OperationOf(name string) *Operation {
	for i := range Operations {
		if Operations[i].Name == name {
			return &Operations[i]
		}
	}
	return nil
}

// Markers used in the schema files.
const (
	markJSONString = "x-apigwlint-json-string"
	markEnumFold   = "x-apigwlint-enum-case-insensitive"
	markHint       = "x-apigwlint-hint"
	// markCommon marks a common parameter of the RPC calls (RegionId): it
	// is accepted, but says nothing about which operation a document
	// defines.
	markCommon = "x-apigwlint-common-parameter"
)

// Schema is one operation's schema, parsed and compiled.
type Schema struct {
	Op        string
	Published []byte         // the file as shipped
	Root      map[string]any // the published schema as plain values
	// internal is the schema the linter validates against (JSON-string
	// parameters structured only); fast is its fast-path form (nil: none),
	// and the library's compiled form is made on first need (compiled).
	internal map[string]any
	fast     *fastSchema
	libOnce  sync.Once
	lib      *jsonschema.Schema
	libErr   error
	// refs maps each local "$ref" of Root to the schema object it names,
	// resolved once instead of on every visit.
	refs map[string]map[string]any
	// TopLevel is the set of documented top-level parameters, without
	// the common parameters of every call (RegionId), which every
	// operation of the product takes.
	TopLevel map[string]bool
}

// loaders holds each operation's schema, loaded on first use: a run over
// one CreateApi file never parses the CreateService schema.
var loaders = func() map[string]*loader {
	m := map[string]*loader{}
	for _, op := range Ops {
		m[op] = &loader{}
	}
	return m
}()

type loader struct {
	once sync.Once
	s    *Schema
	err  error
}

// Get returns the schema of an operation, loading it once per process.
func Get(op string) (*Schema, error) {
	l, ok := loaders[op]
	if !ok {
		return nil, fmt.Errorf("no schema for operation %q", op)
	}
	l.once.Do(func() { l.s, l.err = load(op) })
	return l.s, l.err
}

// MustGet is Get for callers after a successful Init.
func MustGet(op string) *Schema {
	s, err := Get(op)
	if err != nil {
		panic(err) // the embedded schemas are tested; this cannot happen in a release
	}
	return s
}

// Init loads the schemas and reports a broken build. It is for tools and
// tests; a lint run loads each schema when a definition first needs it.
func Init() error {
	for _, op := range Ops {
		if _, err := Get(op); err != nil {
			return err
		}
	}
	return nil
}

// Published returns the schema file of an operation as shipped.
func Published(op string) ([]byte, error) {
	o := OperationOf(op)
	if o == nil {
		return nil, fmt.Errorf("no schema for operation %q", op)
	}
	return files.ReadFile(o.File)
}

// configFast is the fast-path form of the configuration schema (nil when
// the fast path does not understand it).
var configFast = sync.OnceValue(func() *fastSchema {
	var root any
	if json.Unmarshal(ConfigSchema(), &root) != nil {
		return nil
	}
	f, err := buildFast(root)
	if err != nil {
		return nil
	}
	return f
})

// ConfigCertainlyValid reports whether v (plain JSON values) is certainly
// valid against the configuration schema. When it says no, the caller asks
// the library, whose errors give the messages; when it says yes, a run with
// a valid configuration never compiles a schema.
func ConfigCertainlyValid(v any) bool {
	f := configFast()
	return f != nil && f.valid(v, 0)
}

// ConfigSchema returns the JSON Schema of .apigwlint.yaml as shipped.
func ConfigSchema() []byte {
	raw, _ := files.ReadFile("config.json") // embedded; read in tests
	return raw
}

func load(op string) (*Schema, error) {
	raw, err := Published(op)
	if err != nil {
		return nil, err
	}
	var root map[string]any
	if err := json.Unmarshal(raw, &root); err != nil {
		return nil, fmt.Errorf("schema %s: %w", op, err)
	}
	internal := structuredOnly(deepCopy(root)).(map[string]any)
	s := &Schema{Op: op, Published: raw, Root: root, internal: internal, TopLevel: map[string]bool{}}
	s.fast, _ = buildFast(internal) // no fast path when it does not understand the schema
	s.refs = map[string]map[string]any{}
	collectRefs(root, func(ref string) {
		if _, done := s.refs[ref]; !done {
			s.refs[ref] = s.at(strings.TrimPrefix(ref, "#"))
		}
	})
	if props, ok := root["properties"].(map[string]any); ok {
		for k, v := range props {
			if p, _ := v.(map[string]any); k != "Action" && p[markCommon] != true {
				s.TopLevel[k] = true
			}
		}
	}
	return s, nil
}

// compiled returns the library's compiled form of the schema, compiling it
// on first use: a run in which every definition passes the fast path (the
// editor-on-save path, a clean project) never pays for it.
func (s *Schema) compiled() (*jsonschema.Schema, error) {
	s.libOnce.Do(func() {
		ib, err := json.Marshal(s.internal)
		if err != nil {
			s.libErr = err
			return
		}
		c := NewCompiler()
		url := "https://apigwlint.dev/schema/internal/" + s.Op + ".json"
		if err := c.AddResource(url, bytes.NewReader(ib)); err != nil {
			s.libErr = fmt.Errorf("schema %s: %w", s.Op, err)
			return
		}
		s.lib, s.libErr = c.Compile(url)
		if s.libErr != nil {
			s.libErr = fmt.Errorf("schema %s: %w", s.Op, s.libErr)
		}
	})
	return s.lib, s.libErr
}

// NewCompiler returns a draft 2020-12 compiler that loads nothing from
// outside: jsonschema/v5 follows file:// and http(s):// references by
// default, which a linter reading untrusted repositories must not do.
func NewCompiler() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = func(url string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("refusing to load %q: apigwlint schemas may only reference themselves", url)
	}
	return c
}

// structuredOnly replaces each JSON-string parameter's anyOf by its
// structured branch.
func structuredOnly(v any) any {
	switch t := v.(type) {
	case map[string]any:
		if t[markJSONString] == true {
			if alts, ok := t["anyOf"].([]any); ok && len(alts) > 0 {
				if first, ok := alts[0].(map[string]any); ok {
					delete(t, "anyOf")
					for k, x := range first {
						t[k] = x
					}
				}
			}
		}
		for k, x := range t {
			t[k] = structuredOnly(x)
		}
	case []any:
		for i, x := range t {
			t[i] = structuredOnly(x)
		}
	}
	return v
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, x := range t {
			s[i] = deepCopy(x)
		}
		return s
	}
	return v
}

// resolve follows a local "$ref" (and the structured branch of a
// JSON-string parameter) to the schema object that describes a value.
func (s *Schema) resolve(n map[string]any) map[string]any {
	for i := 0; i < 16 && n != nil; i++ {
		if alts, ok := n["anyOf"].([]any); ok && n[markJSONString] == true && len(alts) > 0 {
			n, _ = alts[0].(map[string]any)
			continue
		}
		ref, ok := n["$ref"].(string)
		if !ok {
			return n
		}
		if target, ok := s.refs[ref]; ok {
			n = target
		} else {
			n = s.at(strings.TrimPrefix(ref, "#"))
		}
	}
	return n
}

// collectRefs calls fn for every "$ref" string in a schema document.
func collectRefs(v any, fn func(string)) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if ref, ok := x.(string); ok && k == "$ref" {
				fn(ref)
				continue
			}
			collectRefs(x, fn)
		}
	case []any:
		for _, x := range t {
			collectRefs(x, fn)
		}
	}
}

// at returns the schema object at a JSON pointer of the published schema.
func (s *Schema) at(pointer string) map[string]any { return lookup(s.Root, pointer) }

// compiledAt returns the schema object at a JSON pointer of the schema the
// validator compiled: its error locations point there.
func (s *Schema) compiledAt(pointer string) map[string]any { return lookup(s.internal, pointer) }

func lookup(root map[string]any, pointer string) map[string]any {
	var cur any = root
	if pointer == "" {
		return root
	}
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		if strings.Contains(tok, "~") {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		}
		switch t := cur.(type) {
		case map[string]any:
			cur = t[tok]
		case []any:
			i := 0
			fmt.Sscan(tok, &i)
			if i < 0 || i >= len(t) {
				return nil
			}
			cur = t[i]
		default:
			return nil
		}
	}
	m, _ := cur.(map[string]any)
	return m
}

// Properties returns the property names of a schema object, sorted.
func Properties(n map[string]any) []string {
	props, _ := n["properties"].(map[string]any)
	out := make([]string, 0, len(props))
	for k := range props {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SchemaAt walks the schema along a definition pointer and returns the
// schema object (unresolved, so its own description is kept) for it.
func (s *Schema) SchemaAt(pointer string) map[string]any {
	cur := s.Root
	if pointer == "" {
		return cur
	}
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		r := s.resolve(cur)
		if r == nil {
			return nil
		}
		if props, ok := r["properties"].(map[string]any); ok {
			if p, ok := props[tok].(map[string]any); ok {
				cur = p
				continue
			}
			if p, ok := props[flipFirst(tok)].(map[string]any); ok {
				cur = p
				continue
			}
		}
		if items, ok := r["items"].(map[string]any); ok {
			cur = items
			continue
		}
		return nil
	}
	return cur
}

// Resolved is SchemaAt followed by $ref resolution.
func (s *Schema) Resolved(pointer string) map[string]any {
	return s.resolve(s.SchemaAt(pointer))
}

// InJSONString reports whether the node at pointer, in a definition of
// op, lies inside one of the parameters that the gateway takes as a JSON
// string (RequestConfig, ServiceConfig, the parameter lists, ...), where
// an unknown key is only a warning (unknown-nested-field).
func (s *Schema) InJSONString(pointer string) bool {
	tok, _, _ := strings.Cut(strings.TrimPrefix(pointer, "/"), "/")
	if tok == "" {
		return false
	}
	props, _ := s.Root["properties"].(map[string]any)
	p, _ := props[source.UnescapePointer(tok)].(map[string]any)
	return p[markJSONString] == true
}
