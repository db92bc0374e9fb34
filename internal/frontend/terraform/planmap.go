package terraform

import (
	"encoding/json"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/safeopen"
	"github.com/apigwlint/apigwlint/internal/source"
)

// planConfig finds the configuration a plan was made from, to report a
// planned resource at its block in the .tf file rather than in the plan.
// The plan is taken to sit in its root module's directory (where
// `terraform plan` and `terraform show` run); a module's directory comes
// from .terraform/modules/modules.json (what `terraform init` wrote:
// Key "a.b", Dir relative to the root module), else from a local source
// ("./modules/api") of the plan's module_calls.
// (docs/sources.md#terraform-plan-json)
type planConfig struct {
	root, display string            // the root module's directory: on disk, as shown
	dirs          map[string]string // module key ("" root, "a.b") → directory relative to root ('/')
	mods          map[string]*planModule
}

type planModule struct {
	m     *Module
	files []string // display paths of its configuration files
}

// maxModulesJSON bounds the module manifest read (a real one is a few
// kilobytes).
const maxModulesJSON = 1 << 20

func newPlanConfig(real, display string, plan *source.Node) *planConfig {
	pc := &planConfig{root: filepath.Dir(real), display: path.Dir(display), dirs: map[string]string{"": "."}, mods: map[string]*planModule{}}
	var calls func(mod *source.Node, key, dir string)
	calls = func(mod *source.Node, key, dir string) {
		mc := mod.Get("module_calls")
		if mc == nil || mc.Kind != source.Object {
			return
		}
		for _, f := range mc.Fields {
			src := f.Value.Str("source")
			if !strings.HasPrefix(src, "./") && !strings.HasPrefix(src, "../") {
				continue // a registry or remote module: only modules.json knows where init put it
			}
			k := f.Key
			if key != "" {
				k = key + "." + f.Key
			}
			d := path.Clean(path.Join(dir, src))
			if _, ok := pc.dirs[k]; !ok {
				pc.dirs[k] = d
			}
			calls(f.Value.Get("module"), k, d)
		}
	}
	pc.readManifest()
	calls(plan.Lookup("/configuration/root_module"), "", ".")
	return pc
}

func (pc *planConfig) readManifest() {
	f, err := safeopen.Regular(filepath.Join(pc.root, ".terraform", "modules", "modules.json"))
	if err != nil {
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxModulesJSON+1))
	if err != nil || len(data) > maxModulesJSON {
		return
	}
	var man struct {
		Modules []struct{ Key, Dir string }
	}
	if json.Unmarshal(data, &man) != nil {
		return
	}
	for _, m := range man.Modules {
		if m.Key == "" || m.Dir == "" || filepath.IsAbs(m.Dir) {
			continue
		}
		pc.dirs[m.Key] = path.Clean(filepath.ToSlash(m.Dir))
	}
}

// block finds the resource block of a planned address; nil when the
// configuration is not there.
func (pc *planConfig) block(addr string) (*Module, *ResourceBlock) {
	parts := splitAddress(addr)
	var key []string
	i := 0
	for ; i+1 < len(parts) && parts[i] == "module"; i += 2 {
		name := parts[i+1]
		if j := strings.IndexByte(name, '['); j >= 0 {
			name = name[:j]
		}
		key = append(key, name)
	}
	if len(parts)-i != 2 {
		return nil, nil
	}
	typ, name := parts[i], parts[i+1]
	if j := strings.IndexByte(name, '['); j >= 0 {
		name = name[:j]
	}
	pm := pc.module(strings.Join(key, "."))
	if pm == nil {
		return nil, nil
	}
	for _, rb := range pm.m.Resources {
		if rb.Type == typ && rb.Name == name {
			return pm.m, rb
		}
	}
	return nil, nil
}

// module reads the configuration files of a module (memoised).
func (pc *planConfig) module(key string) *planModule {
	if pm, ok := pc.mods[key]; ok {
		return pm
	}
	pc.mods[key] = nil
	dir, ok := pc.dirs[key]
	if !ok {
		return nil
	}
	real := filepath.Join(pc.root, filepath.FromSlash(dir))
	entries, err := os.ReadDir(real)
	if err != nil {
		return nil
	}
	var inputs []Input
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(IsConfig(name) || IsVars(name)) {
			continue
		}
		f, err := safeopen.Regular(filepath.Join(real, name))
		if err != nil {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(f, MaxConfigSize+1))
		f.Close()
		if err != nil || len(data) > MaxConfigSize {
			continue
		}
		shown := path.Join(pc.display, dir, name)
		inputs = append(inputs, Input{Path: shown, Data: data})
		if IsConfig(name) {
			files = append(files, shown)
		}
	}
	if len(files) == 0 {
		return nil
	}
	sort.Strings(files)
	pm := &planModule{m: Load(inputs), files: files}
	pc.mods[key] = pm
	return pm
}

// placeAt moves a planned request onto its resource block: each value
// takes the position of the same value in the request built from the
// block (its argument, or the expression it comes from), anything else
// the block's header. It returns the .tf file, or "" when the block was
// not found.
func (pc *planConfig) placeAt(addr string, root *source.Node) string {
	m, rb := pc.block(addr)
	if rb == nil {
		return ""
	}
	insts := m.Requests(rb)
	var from *source.Node
	if len(insts) > 0 {
		from = insts[0].Root
	}
	place(root, from, m.Range(rb.DefRange))
	return rb.DefRange.Filename
}

func place(p, t *source.Node, header diag.Range) {
	if p == nil {
		return
	}
	if t != nil && t.Range.Start.Line > 0 && !t.Implicit {
		p.Range, p.KeyRange = t.Range, t.KeyRange
		if p.KeyRange.Start.Line == 0 {
			p.KeyRange = t.Range
		}
		// The plan's value, at the text of the block: the same
		// characters only when that is a literal of the same value.
		p.Computed = t.Computed || t.Symbol() != "" || t.Kind != p.Kind || t.Value != p.Value
	} else {
		p.Range, p.KeyRange, p.Computed = header, header, true
	}
	switch p.Kind {
	case source.Object:
		for _, f := range p.Fields {
			var tv *source.Node
			f.KeyRange = header
			if t != nil && t.Kind == source.Object {
				for _, tf := range t.Fields {
					if tf.Key == f.Key {
						tv = tf.Value
						if tf.KeyRange.Start.Line > 0 && !tv.Implicit {
							f.KeyRange = tf.KeyRange
						}
						break
					}
				}
			}
			place(f.Value, tv, header)
		}
	case source.Array:
		for i, it := range p.Items {
			var tv *source.Node
			if t != nil && t.Kind == source.Array && i < len(t.Items) {
				tv = t.Items[i]
			}
			place(it, tv, header)
		}
	}
}
