package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/apigwlint/apigwlint/internal/third_party/jsonschema"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/rules"
	"github.com/apigwlint/apigwlint/schema"
)

var (
	topKeys      = []string{"root", "ignore", "rules", "overrides", "baseline"}
	overrideKeys = []string{"files", "rules"}
	severities   = []string{"off", "warning", "error"}
)

type validator struct {
	file     string
	problems []Problem
}

func (v *validator) add(at diag.Pos, format string, args ...any) {
	v.problems = append(v.problems, Problem{File: v.file, Pos: at, Message: diag.Sprintf(format, args...)})
}

// suggest is schema.Suggest, which also offers a candidate that the word
// begins ("warn" → "warning").
func suggest(s string, candidates []string) string {
	if sug := schema.Suggest(s, candidates); sug != "" {
		return sug
	}
	if len(s) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(c, strings.ToLower(s)) {
				return c
			}
		}
	}
	return ""
}

func didYouMean(s string, candidates []string) string {
	if sug := suggest(s, candidates); sug != "" {
		return diag.Sprintf("; did you mean %q?", sug)
	}
	return ""
}

func kindWord(n *source.Node) string {
	switch n.Kind {
	case source.Object:
		return "a mapping"
	case source.Array:
		return "a list"
	case source.Null:
		return "empty"
	}
	return diag.Sprintf("%q", n.Scalar())
}

// keyPos is where a field is reported: its key.
func keyPos(f *source.Field) diag.Pos { return f.KeyRange.Start }

func (v *validator) config(c *Config, root *source.Node) {
	if root == nil || root.Kind == source.Null {
		return
	}
	if root.Kind != source.Object {
		v.add(root.Range.Start, "the configuration is a mapping with the keys %s, not %s", strings.Join(topKeys, ", "), kindWord(root))
		return
	}
	for _, f := range root.Fields {
		switch f.Key {
		case "ignore":
			c.Ignore = v.globs(f, false)
		case "rules":
			c.Rules = v.rules(f)
		case "overrides":
			v.overrides(c, f)
		case "root":
			c.root, c.rootPos = v.root(f), f.Value.Range.Start
		case "baseline":
			c.baseline = v.baseline(f)
		default:
			v.add(keyPos(f), "unknown key %q%s (the keys are %s)", f.RawKey, didYouMean(f.RawKey, topKeys), strings.Join(topKeys, ", "))
		}
	}
}

// root reads the project root: a directory, relative to the file.
func (v *validator) root(f *source.Field) string {
	n := f.Value
	if n.Kind == source.Object || n.Kind == source.Array || n.Kind == source.Null || n.Scalar() == "" {
		v.add(n.Range.Start, "root is a directory relative to this file, as in \"root: ..\", not %s", kindWord(n))
		return ""
	}
	return n.Scalar()
}

// baseline reads the baseline file's path, relative to the file.
func (v *validator) baseline(f *source.Field) string {
	n := f.Value
	if n.Kind == source.Object || n.Kind == source.Array || n.Kind == source.Null || n.Scalar() == "" {
		v.add(n.Range.Start, "baseline is a file relative to this file, as in \"baseline: .apigwlint-baseline.json\", not %s", kindWord(n))
		return ""
	}
	return n.Scalar()
}

// globs reads a list of globs. A glob written as a number (ignore: [2019])
// is taken as its text.
func (v *validator) globs(f *source.Field, needOne bool) []*Glob {
	n := f.Value
	switch n.Kind {
	case source.Null:
		if needOne {
			v.add(n.Range.Start, "%s needs at least one glob, as in %s: [\"apis/legacy/**\"]", f.Key, f.Key)
		}
		return nil
	case source.Array:
	default:
		v.add(n.Range.Start, "%s is a list of globs, as in %s: [\"legacy/**\"], not %s", f.Key, f.Key, kindWord(n))
		return nil
	}
	if needOne && len(n.Items) == 0 {
		v.add(n.Range.Start, "%s needs at least one glob, as in %s: [\"apis/legacy/**\"]", f.Key, f.Key)
	}
	var out []*Glob
	for _, it := range n.Items {
		if it.Kind == source.Object || it.Kind == source.Array || it.Kind == source.Null {
			v.add(it.Range.Start, "a glob is a string, as in \"legacy/**\", not %s", kindWord(it))
			continue
		}
		g, err := CompileGlob(it.Scalar())
		if err != nil {
			v.add(it.Range.Start, "bad glob %q: %v", it.Scalar(), err)
			continue
		}
		out = append(out, g)
	}
	return out
}

// rules reads a mapping of rule id to severity.
func (v *validator) rules(f *source.Field) map[string]diag.Severity {
	n := f.Value
	out := map[string]diag.Severity{}
	switch n.Kind {
	case source.Null:
		return out
	case source.Object:
	default:
		v.add(n.Range.Start, "rules is a mapping of rule id to severity, as in \"rules: {unknown-field: warning}\", not %s", kindWord(n))
		return out
	}
	for _, rf := range n.Fields {
		id := rf.RawKey
		if rules.ByID(id) == nil {
			v.add(keyPos(rf), "unknown rule %q%s (see 'apigwlint rules')", id, didYouMean(id, rules.IDs()))
			continue
		}
		val := rf.Value
		word := val.Scalar()
		if val.Kind == source.Null {
			v.add(keyPos(rf), "the severity of %s is off, warning or error, not empty", id)
			continue
		}
		if val.Kind == source.Object || val.Kind == source.Array {
			v.add(val.Range.Start, "the severity of %s is off, warning or error, not %s", id, kindWord(val))
			continue
		}
		sev, ok := diag.ParseSeverity(word)
		if !ok || word != sev.String() {
			v.add(val.Range.Start, "bad severity %q for %s: use off, warning or error%s", word, id, didYouMean(word, severities))
			continue
		}
		out[id] = sev
	}
	return out
}

func (v *validator) overrides(c *Config, f *source.Field) {
	n := f.Value
	switch n.Kind {
	case source.Null:
		return
	case source.Array:
	default:
		v.add(n.Range.Start, "overrides is a list of {files: [globs], rules: {rule: severity}}, not %s", kindWord(n))
		return
	}
	for i, it := range n.Items {
		if it.Kind != source.Object {
			v.add(it.Range.Start, "overrides[%d] is a mapping with files and rules, not %s", i, kindWord(it))
			continue
		}
		o := Override{}
		var haveFiles, haveRules bool
		for _, of := range it.Fields {
			switch of.Key {
			case "files":
				haveFiles = true
				o.Files = v.globs(of, true)
			case "rules":
				haveRules = true
				o.Rules = v.rules(of)
			default:
				v.add(keyPos(of), "unknown key %q in overrides[%d]%s (the keys are files and rules)", of.RawKey, i, didYouMean(of.RawKey, overrideKeys))
				// A misspelt key is the one mistake: not also a missing one.
				switch suggest(of.RawKey, overrideKeys) {
				case "files":
					haveFiles = true
				case "rules":
					haveRules = true
				}
			}
		}
		if !haveFiles {
			v.add(it.Range.Start, "overrides[%d] has no files: add files: [\"some/path/**\"]", i)
		}
		if !haveRules {
			v.add(it.Range.Start, "overrides[%d] has no rules: add rules: {rule-id: warning}", i)
		}
		c.Overrides = append(c.Overrides, o)
	}
}

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
)

// compiledSchema is the configuration schema, compiled once.
func compiledSchema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		c := schema.NewCompiler()
		const url = "https://apigwlint.dev/schema/config.json"
		if compileErr = c.AddResource(url, bytes.NewReader(schema.ConfigSchema())); compileErr != nil {
			return
		}
		compiled, compileErr = c.Compile(url)
	})
	return compiled, compileErr
}

// schema validates the configuration against schema/config.json and
// reports each failure at the value it is about.
func (v *validator) schema(root *source.Node) {
	val := plain(root)
	if schema.ConfigCertainlyValid(val) {
		return
	}
	s, err := compiledSchema()
	if err != nil {
		v.add(diag.Pos{Line: 1, Col: 1}, "internal error: the configuration schema does not compile: %v", err)
		return
	}
	err = s.Validate(val)
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		if err != nil {
			v.add(root.Range.Start, "%v", err)
		}
		return
	}
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(leaves, func(i, j int) bool { return leaves[i].InstanceLocation < leaves[j].InstanceLocation })
	for _, l := range leaves {
		at := root.Lookup(l.InstanceLocation)
		pos := root.Range.Start
		if at != nil {
			pos = at.Range.Start
		}
		where := schema.Readable(l.InstanceLocation)
		if l.InstanceLocation == "" {
			where = "the configuration"
		}
		v.add(pos, "%s: %s", where, l.Message)
	}
}

// plain converts a node to the value the schema sees. Plain YAML scalars
// are taken as their text, as the checks above read them.
func plain(n *source.Node) any {
	switch n.Kind {
	case source.Object:
		m := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			m[f.RawKey] = plain(f.Value)
		}
		return m
	case source.Array:
		s := make([]any, len(n.Items))
		for i, it := range n.Items {
			s[i] = plain(it)
		}
		return s
	case source.Null:
		return nil
	}
	return n.Scalar()
}

// Schema returns the configuration's JSON Schema as `apigwlint schema
// config` prints it: the shipped file, with the rule ids of this build
// listed so that editors can complete them.
func Schema() ([]byte, error) {
	var root map[string]any
	if err := json.Unmarshal(schema.ConfigSchema(), &root); err != nil {
		return nil, err
	}
	defs, _ := root["$defs"].(map[string]any)
	id, _ := defs["ruleId"].(map[string]any)
	if id == nil {
		return nil, fmt.Errorf("schema/config.json has no $defs/ruleId")
	}
	ids := rules.IDs()
	enum := make([]any, len(ids))
	for i, s := range ids {
		enum[i] = s
	}
	id["enum"] = enum
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
