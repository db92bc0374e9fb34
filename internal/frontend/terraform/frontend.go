package terraform

import (
	"io"

	"bytes"
	"fmt"
	"github.com/apigwlint/apigwlint/internal/safeopen"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/source"
)

// Frontend reads Terraform configuration files (*.tf, *.tf.json, and
// OpenTofu's *.tofu, *.tofu.json). A file is read with its module: the
// other configuration and tfvars files of its directory give the values
// of variables and locals; only the file's own resources and problems are
// reported.
var Frontend = &frontend.Frontend{
	Name:  "terraform",
	Match: func(path string, _ []byte) bool { return IsConfig(path) || IsVars(path) },
	Load: func(path string, data []byte, each func(*frontend.Definition)) *source.File {
		return loadConfig(path, path, data, each)
	},
	LoadAt:  loadConfig,
	Context: moduleContext,
	// A staged variables.tf or terraform.tfvars changes what the
	// module's resources are: they are checked with it.
	Companions: moduleFiles,
	// Variables, locals and templates compute values from pieces of
	// text, in this file or another of the module.
	MayCompute: func([]byte) bool { return true },
}

// PlanFrontend reads plan JSON (`terraform show -json PLANFILE`).
var PlanFrontend = &frontend.Frontend{
	Name: "terraform-plan",
	Match: func(path string, data []byte) bool {
		if !strings.EqualFold(filepath.Ext(path), ".json") || IsConfig(path) {
			return false
		}
		head := data
		if len(head) > 512 {
			head = head[:512]
		}
		return MayBePlan(head)
	},
	Load: func(path string, data []byte, each func(*frontend.Definition)) *source.File {
		return loadPlan(path, path, data, each)
	},
	LoadAt: loadPlan,
}

// MaxConfigSize is the largest Terraform file read. HCL's parser holds a
// token per few bytes: a 10 MB file takes seconds and half a gigabyte,
// where hand-written configuration files are a few kilobytes.
const MaxConfigSize = 2 << 20

// loadConfig reads the file shown as path, on disk at real, with the other
// files of real's directory.
func loadConfig(real, path string, data []byte, each func(*frontend.Definition)) *source.File {
	f := source.Text(path, data)
	if IsVars(path) {
		// A tfvars file (named by a hook) has values, read when the
		// module's configuration files are: no definition of its own.
		return f
	}
	if len(data) > MaxConfigSize {
		f.Problems = append(f.Problems, diag.Diagnostic{File: path, Severity: diag.Error, Rule: source.RuleLimit,
			Range:   diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}},
			Message: fmt.Sprintf("Terraform file is %d bytes, over the %d-byte limit for Terraform files; it is not checked", len(data), MaxConfigSize)})
		return f
	}
	inputs := []Input{{Path: path, Data: data}}
	decls := []*fileDecls{readDecls(inputs[0])}
	for _, sib := range siblings(real) {
		inputs = append(inputs, Input{Path: sib.path})
		decls = append(decls, sib.decls)
	}
	m := assemble(inputs, decls, func(p string) bool { return p == path })
	// Fixes are computed on f.Src; the engine maps those of definitions
	// to the bytes as read, the file's own are mapped here.
	fileLevel := m.diagnostics(path, m.Problems, 0, f)
	doc := 0
	for _, rb := range m.Resources {
		insts := m.Requests(rb)
		ds := m.diagnostics(path, rb.Problems, doc, f)
		if len(insts) == 0 {
			// A group: no definition of its own.
			fileLevel = append(fileLevel, ds...)
			continue
		}
		for i, in := range insts {
			d := &frontend.Definition{Op: in.Op, Root: in.Root, Doc: doc, MaySymbolic: true, Src: f}
			if i == 0 {
				// The block's own problems once, not once per instance.
				d.Diags = ds
			}
			each(d)
			doc++
		}
	}
	for i := range fileLevel {
		f.RawFixes(fileLevel[i].Fixes)
	}
	f.Problems = append(f.Problems, fileLevel...)
	return f
}

// loadPlan reads the plan shown as path, on disk at real; its resources are
// placed at their blocks in the configuration when it is found beside it.
func loadPlan(real, path string, data []byte, each func(*frontend.Definition)) *source.File {
	f := source.Load(path, data, source.DefaultOptions)
	if len(f.Docs) != 1 || !IsPlan(f.Docs[0].Root) {
		for _, d := range f.Docs {
			each(&frontend.Definition{Problem: &diag.Diagnostic{File: path, Range: d.Root.Range, Severity: diag.Error,
				Rule: "not-a-definition", Document: d.Index,
				Message: "not a Terraform plan: format_version with planned_values or resource_changes expected"}})
		}
		return f
	}
	pc := newPlanConfig(real, path, f.Docs[0].Root)
	for i, r := range PlanRequests(f.Docs[0].Root) {
		d := &frontend.Definition{Op: r.Op, Root: r.Root, Doc: i, MaySymbolic: true, Label: r.Address}
		origin := r.Root.Range
		if tf := pc.placeAt(r.Address, r.Root); tf != "" {
			d.File, d.Origin = tf, origin
		}
		each(d)
	}
	return f
}

// moduleFiles lists, for a named Terraform file that gives values to its
// module (a tfvars file, or a configuration file declaring variables or
// locals), the other configuration files of the module (its directory).
// A file that only declares resources changes nothing elsewhere.
func moduleFiles(real string) []string {
	switch {
	case IsVars(real):
	case IsConfig(real):
		data, err := readBounded(real)
		if err != nil || !(bytes.Contains(data, []byte("variable")) || bytes.Contains(data, []byte("locals"))) {
			return nil
		}
	default:
		return nil
	}
	dir := filepath.Dir(real)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	self := filepath.Base(real)
	var out []string
	for _, e := range entries {
		if name := e.Name(); name != self && e.Type().IsRegular() && IsConfig(name) {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out
}

// moduleContext is what a configuration file's result depends on besides
// its bytes: the name, size and modification time of every other
// configuration and tfvars file of its directory (siblings reads their
// declarations from them).
func moduleContext(real string) ([]byte, bool) {
	dir := filepath.Dir(real)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	self := filepath.Base(real)
	var b []byte
	for _, e := range entries {
		name := e.Name()
		if name == self || e.IsDir() || !(IsConfig(name) || IsVars(name)) {
			continue
		}
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return nil, false
		}
		b = fmt.Appendf(b, "%s\x00%d\x00%d\x00%o\n", name, info.Size(), info.ModTime().UnixNano(), info.Mode())
	}
	return b, true
}

// sibling is another file of a module, with its declarations.
type sibling struct {
	path  string
	decls *fileDecls
}

// declCache keeps the declarations of files read as siblings, by path,
// as long as their size and modification time stay the same: a module of
// many files is parsed once per run, not once per file.
var declCache sync.Map // path → *cachedDecls

type cachedDecls struct {
	size  int64
	mtime time.Time
	decls *fileDecls
}

// siblings are the other configuration and tfvars files of path's
// directory, in name order. Unreadable ones are left out (they are
// reported when they are checked themselves).
func siblings(path string) []sibling {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	self := filepath.Base(path)
	var out []sibling
	for _, e := range entries {
		name := e.Name()
		if name == self || e.IsDir() || !(IsConfig(name) || IsVars(name)) {
			continue
		}
		full := filepath.Join(dir, name)
		info, err := os.Stat(full)
		if err != nil || !info.Mode().IsRegular() || info.Size() > maxSiblingSize {
			continue
		}
		if c, ok := declCache.Load(full); ok {
			cd := c.(*cachedDecls)
			if cd.size == info.Size() && cd.mtime.Equal(info.ModTime()) {
				out = append(out, sibling{full, cd.decls})
				continue
			}
		}
		data, err := os.ReadFile(full)
		if err != nil {
			continue
		}
		d := &fileDecls{}
		// Only variables, locals and tfvars values matter from a sibling:
		// a file without those words declares none and is not parsed.
		if IsVars(full) || bytes.Contains(data, []byte("variable")) || bytes.Contains(data, []byte("locals")) {
			d = readDecls(Input{Path: full, Data: data})
			d.problems, d.resources = nil, nil
		}
		declCache.Store(full, &cachedDecls{size: info.Size(), mtime: info.ModTime(), decls: d})
		out = append(out, sibling{full, d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// maxSiblingSize bounds what a sibling file may cost (the file itself is
// bounded by the engine's size limit).
const maxSiblingSize = MaxConfigSize

// diagnostics turns problems into diagnostics of file path, whose text f
// holds (nil: no fixes). A fix's edits are in offsets of f.Src.
func (m *Module) diagnostics(path string, ps []Problem, doc int, f *source.File) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, p := range ps {
		d := diag.Diagnostic{File: path, Range: m.Range(p.Range), Severity: diag.Error, Rule: p.Rule, Message: p.Message, Document: doc}
		if d.Range.Start.Line == 0 {
			d.Range = diag.Range{Start: diag.Pos{Line: 1, Col: 1}, End: diag.Pos{Line: 1, Col: 2}}
		} else if p.New != "" && f != nil {
			if e, ok := replaceAt(f, d.Range, p.Old, p.New); ok {
				verb := "replace %q with %q"
				if p.Rule == "unknown-field" {
					verb = "rename %q to %q"
				}
				d.Fixes = []diag.Fix{{Message: diag.Sprintf(verb, p.Old, p.New), Safe: p.Safe, Edits: []diag.Edit{e}}}
			}
		}
		out = append(out, d)
	}
	return out
}

// replaceAt is the edit that makes the text at r, which must read old as
// a bare name or a string literal without escapes ("old", in either
// syntax), read new; ok is false when the text reads anything else.
func replaceAt(f *source.File, r diag.Range, old, new string) (diag.Edit, bool) {
	start, end := f.OffsetOf(r.Start), f.OffsetOf(r.End)
	if start < 0 || end > len(f.Src) || start >= end {
		return diag.Edit{}, false
	}
	switch text := string(f.Src[start:end]); text {
	case old:
		return diag.Edit{Start: start, End: end, NewText: new}, true
	case `"` + old + `"`:
		return diag.Edit{Start: start + 1, End: end - 1, NewText: new}, true
	}
	return diag.Edit{}, false
}

// readBounded reads a regular file of at most MaxConfigSize bytes.
func readBounded(path string) ([]byte, error) {
	f, err := safeopen.Regular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxConfigSize+1))
	if err == nil && len(data) > MaxConfigSize {
		return nil, fmt.Errorf("%s: over %d bytes", path, MaxConfigSize)
	}
	return data, err
}
