// Package terraform reads a Terraform module (a directory's *.tf, *.tf.json
// and tfvars files) the way the alicloud provider reads it: the API Gateway
// resources it declares, every argument and block with its position, and
// the values that can be known before `terraform apply` (literals,
// variables with a default or a tfvars value, locals, string templates and
// pure functions of those). Anything else — another resource's attribute, a
// data source, a module output, count.index, each.value — stays symbolic:
// it is never a schema error.
package terraform

import (
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigwlint/apigwlint/schema"
)

// Input is one file of a module: its path (as shown to the user) and bytes.
type Input struct {
	Path string
	Data []byte
}

// Problem is something wrong with the configuration itself, at a position.
type Problem struct {
	Rule    string // "syntax", "unknown-field", "schema", "terraform-syntax"
	Range   hcl.Range
	Message string
	// Old and New, when New is set, are a suggested fix: the name or
	// string literal Old written at Range becomes New (Safe: the only
	// close candidate, see schema.Closest).
	Old, New string
	Safe     bool
}

// Module is one directory of Terraform configuration.
type Module struct {
	Files     map[string][]byte // by path
	Resources []*ResourceBlock
	// Problems are the files' own (syntax); a resource's are its own.
	Problems []Problem

	vars   map[string]cty.Value
	locals map[string]cty.Value
	ctx    *hcl.EvalContext
}

// ResourceBlock is one `resource "TYPE" "NAME"` block of a type apigwlint reads.
type ResourceBlock struct {
	Schema    *Resource
	Type      string
	Name      string
	DefRange  hcl.Range // the block header
	TypeRange hcl.Range
	// Counted is set when count or for_each makes the block stand for
	// several instances; it is checked once and its keys stay symbolic.
	Counted bool
	Body    *Body
	// Problems are the configuration's problems inside the block.
	Problems []Problem
}

// Body is the content of a resource or a nested block: the arguments and
// blocks written, each with its position.
type Body struct {
	Attrs  map[string]*Attr
	Blocks map[string][]*NestedBlock
	// Order of the names as written (attributes and block types), for
	// deterministic iteration.
	Order []string
}

// Attr is one argument as written.
type Attr struct {
	Name      string
	NameRange hcl.Range
	Expr      hcl.Expression
	// Legacy is set on an argument that stands for a block
	// (`request_config = {…}`, Terraform 0.11): its value is an object
	// or a list of objects.
	Legacy bool
}

// NestedBlock is one nested block, or the content of a dynamic block.
type NestedBlock struct {
	Type     string
	DefRange hcl.Range
	// Dynamic is set for `dynamic "TYPE" { content { … } }`: the block
	// stands for any number of blocks, its iterator is symbolic.
	Dynamic  bool
	Iterator string
	Body     *Body
}

var rootSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "terraform"},
	{Type: "moved"}, {Type: "import"}, {Type: "removed"},
	{Type: "check", LabelNames: []string{"name"}},
}}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "default"}, {Name: "type"}, {Name: "description"}, {Name: "sensitive"}, {Name: "nullable"}, {Name: "ephemeral"},
}, Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}}}

// IsConfig reports whether a file name is Terraform configuration.
func IsConfig(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json") ||
		strings.HasSuffix(name, ".tofu") || strings.HasSuffix(name, ".tofu.json")
}

// IsVars reports whether a file name is a variable-definitions file that
// Terraform loads by itself.
func IsVars(name string) bool {
	base := path.Base(name)
	return base == "terraform.tfvars" || base == "terraform.tfvars.json" ||
		strings.HasSuffix(base, ".auto.tfvars") || strings.HasSuffix(base, ".auto.tfvars.json")
}

func isOverride(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(path.Base(name), ".json"), ".tf")
	base = strings.TrimSuffix(base, ".tofu")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// Load reads the files of one module, every file in focus.
func Load(files []Input) *Module {
	return LoadFocus(files, func(string) bool { return true })
}

// LoadFocus reads the files of one module: the declarations of every file
// (variables, locals, tfvars values), and the resources and problems of
// the files in focus only. Files are taken in Terraform's order:
// configuration (override files last), then variables files
// (terraform.tfvars, terraform.tfvars.json, *.auto.tfvars lexically).
func LoadFocus(files []Input, focus func(path string) bool) *Module {
	ds := make([]*fileDecls, len(files))
	for i, f := range files {
		ds[i] = readDecls(f)
	}
	return assemble(files, ds, focus)
}

// fileDecls is what one file declares.
type fileDecls struct {
	problems  []Problem
	vars      []varDecl
	locals    []*hcl.Attribute
	tfvars    []varDecl
	resources []*hcl.Block
}

type varDecl struct {
	name  string
	value cty.Value
}

func readDecls(f Input) *fileDecls {
	d := &fileDecls{}
	hf := parseFile(f, &d.problems)
	if hf == nil {
		return d
	}
	if IsVars(f.Path) {
		attrs, _ := hf.Body.JustAttributes()
		for _, a := range sortedAttrs(attrs) {
			if v := safeValue(a.Expr, nil); v.IsWhollyKnown() {
				d.tfvars = append(d.tfvars, varDecl{a.Name, v})
			}
		}
		return d
	}
	content, _, _ := hf.Body.PartialContent(rootSchema)
	for _, b := range content.Blocks {
		switch b.Type {
		case "variable":
			v := cty.DynamicVal
			vc, _, _ := b.Body.PartialContent(variableSchema)
			if def, ok := vc.Attributes["default"]; ok {
				// An empty or null default is a placeholder the caller
				// of the module fills in: unknown, not "".
				if dv := safeValue(def.Expr, nil); dv.IsWhollyKnown() && !dv.IsNull() && !dv.RawEquals(cty.StringVal("")) {
					v = dv
				}
			}
			d.vars = append(d.vars, varDecl{b.Labels[0], v})
		case "locals":
			attrs, _ := b.Body.JustAttributes()
			d.locals = append(d.locals, sortedAttrs(attrs)...)
		case "resource":
			if Resources[b.Labels[0]] != nil {
				d.resources = append(d.resources, b)
			}
		}
	}
	return d
}

func assemble(files []Input, ds []*fileDecls, focus func(string) bool) *Module {
	m := &Module{Files: map[string][]byte{}, vars: map[string]cty.Value{}, locals: map[string]cty.Value{}}
	order := make([]int, 0, len(files))
	for i, f := range files {
		m.Files[f.Path] = f.Data
		if IsConfig(f.Path) || IsVars(f.Path) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return fileRank(files[order[a]].Path) < fileRank(files[order[b]].Path) })
	var locals []*hcl.Attribute
	var resources []*hcl.Block
	for _, i := range order {
		d := ds[i]
		if focus(files[i].Path) {
			m.Problems = append(m.Problems, d.problems...)
			if !isOverride(files[i].Path) {
				// An override file's blocks are pieces merged into
				// the blocks of other files: not resources of their
				// own (missing arguments are not missing).
				resources = append(resources, d.resources...)
			}
		}
		for _, v := range d.vars {
			if old, seen := m.vars[v.name]; !seen || !old.IsKnown() {
				m.vars[v.name] = v.value
			}
		}
		for _, v := range d.tfvars {
			m.vars[v.name] = v.value
		}
		locals = append(locals, d.locals...)
	}
	m.evalLocals(locals)
	m.ctx = m.baseContext()
	for _, b := range resources {
		n := len(m.Problems)
		rb := m.resource(b)
		rb.Problems = append([]Problem(nil), m.Problems[n:]...)
		m.Problems = m.Problems[:n]
		m.Resources = append(m.Resources, rb)
	}
	return m
}

// fileRank orders a module's files as Terraform loads them.
func fileRank(name string) string {
	switch {
	case IsVars(name):
		return "2" + varRank(name)
	case isOverride(name):
		return "1" + name
	}
	return "0" + name
}

func varRank(name string) string {
	base := path.Base(name)
	switch base {
	case "terraform.tfvars":
		return "0"
	case "terraform.tfvars.json":
		return "1"
	}
	return "2" + base
}

func parseFile(f Input, problems *[]Problem) *hcl.File {
	var hf *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(f.Path, ".json") {
		hf, diags = hcljson.Parse(f.Data, f.Path)
	} else {
		hf, diags = hclsyntax.ParseConfig(f.Data, f.Path, hcl.InitialPos)
	}
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		r := hcl.Range{Filename: f.Path}
		if d.Subject != nil {
			r = *d.Subject
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		*problems = append(*problems, Problem{Rule: "syntax", Range: r, Message: msg})
	}
	if hf == nil || hf.Body == nil {
		return nil
	}
	return hf
}

func sortedAttrs(attrs hcl.Attributes) []*hcl.Attribute {
	out := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Range.Filename != out[j].Range.Filename {
			return out[i].Range.Filename < out[j].Range.Filename
		}
		return out[i].Range.Start.Byte < out[j].Range.Start.Byte
	})
	return out
}

// evalLocals evaluates locals that refer to each other: a few passes, each
// with what the previous ones knew; what stays unknown is symbolic.
func (m *Module) evalLocals(exprs []*hcl.Attribute) {
	for _, a := range exprs {
		m.locals[a.Name] = cty.DynamicVal
	}
	for pass := 0; pass < 8; pass++ {
		changed := false
		ctx := m.baseContext()
		for _, a := range exprs {
			if m.locals[a.Name].IsWhollyKnown() {
				continue
			}
			v := evalIn(ctx, a.Expr, nil)
			if v.IsWhollyKnown() {
				m.locals[a.Name] = v
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func (m *Module) baseContext() *hcl.EvalContext {
	return &hcl.EvalContext{
		Variables: map[string]cty.Value{
			"var":   objectOf(m.vars),
			"local": objectOf(m.locals),
			"path": cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal("."), "root": cty.StringVal("."), "cwd": cty.StringVal("."),
			}),
			"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")}),
		},
		Functions: functions,
	}
}

func objectOf(m map[string]cty.Value) cty.Value {
	if len(m) == 0 {
		return cty.EmptyObjectVal
	}
	return cty.ObjectVal(m)
}

// Eval evaluates an expression of a resource; the result may be unknown
// (symbolic). It never fails: what cannot be evaluated is unknown.
func (m *Module) Eval(expr hcl.Expression) cty.Value {
	return evalIn(m.ctx, expr, nil)
}

// evalIn evaluates expr; every root name the context does not define
// (another resource, data, module, count, each, self, an iterator) is
// unknown, and so is every result with errors.
func evalIn(ctx *hcl.EvalContext, expr hcl.Expression, extra map[string]cty.Value) cty.Value {
	vars := ctx.Variables
	var child *hcl.EvalContext
	for _, t := range expr.Variables() {
		root := t.RootName()
		if _, ok := vars[root]; ok {
			continue
		}
		if child == nil {
			child = ctx.NewChild()
			child.Variables = map[string]cty.Value{}
		}
		if v, ok := extra[root]; ok {
			child.Variables[root] = v
		} else {
			child.Variables[root] = cty.DynamicVal
		}
	}
	if child != nil {
		ctx = child
	}
	return safeValue(expr, ctx)
}

// safeValue evaluates expr, or gives an unknown value where evaluation
// could cost more than the file is worth: a number literal far outside
// float64's range (1e999999999 turned into a string is a gigabyte), more
// than maxArithmetic arithmetic operations, or a result holding such a
// number.
func safeValue(expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	if syn, ok := expr.(hclsyntax.Expression); ok {
		risky, ops := false, 0
		hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
			switch e := n.(type) {
			case *hclsyntax.LiteralValueExpr:
				if e.Val.Type() == cty.Number && e.Val.IsKnown() && !e.Val.IsNull() && hugeNumber(e.Val.AsBigFloat()) {
					risky = true
				}
			case *hclsyntax.BinaryOpExpr:
				ops++
			}
			return nil
		})
		if risky || ops > maxArithmetic {
			return cty.DynamicVal
		}
	}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() || holdsHugeNumber(v, 0) {
		return cty.DynamicVal
	}
	return v
}

// maxArithmetic bounds the operations of one expression evaluated.
const maxArithmetic = 64

func holdsHugeNumber(v cty.Value, depth int) bool {
	if !v.IsKnown() || v.IsNull() || depth > 32 {
		return false
	}
	t := v.Type()
	switch {
	case t == cty.Number:
		return hugeNumber(v.AsBigFloat())
	case t.IsListType() || t.IsSetType() || t.IsTupleType() || t.IsMapType() || t.IsObjectType():
		for it := v.ElementIterator(); it.Next(); {
			if _, e := it.Element(); holdsHugeNumber(e, depth+1) {
				return true
			}
		}
	}
	return false
}

// resource reads one resource block against its schema.
func (m *Module) resource(b *hcl.Block) *ResourceBlock {
	sch := Resources[b.Labels[0]]
	rb := &ResourceBlock{Schema: sch, Type: b.Labels[0], Name: b.Labels[1], DefRange: b.DefRange}
	if len(b.LabelRanges) > 0 {
		rb.TypeRange = b.LabelRanges[0]
	}
	var blocks []string
	var args []string
	for _, a := range sch.Args {
		args = append(args, a.Name)
	}
	for _, bl := range sch.Blocks {
		blocks = append(blocks, bl.Name)
	}
	rb.Body = m.body(b.Body, args, blocks, sch.Open, true)
	if rb.Body.Attrs["count"] != nil || rb.Body.Attrs["for_each"] != nil {
		rb.Counted = true
	}
	if !sch.Open {
		m.checkRequired(rb)
		m.checkServiceBlock(rb)
		m.checkBlocks(rb.Body, func(name string) (*Block, bool) {
			bl := sch.block(name)
			return bl, bl != nil
		})
	}
	return rb
}

// body splits a body into what the schema names and what it does not;
// unknown names are reported with a suggestion.
func (m *Module) body(hb hcl.Body, args, blocks []string, open, resource bool) *Body {
	out := &Body{Attrs: map[string]*Attr{}, Blocks: map[string][]*NestedBlock{}}
	isArg := func(n string) bool { return contains(args, n) || (resource && contains(metaArgs, n)) }
	isBlock := func(n string) bool { return contains(blocks, n) || (resource && contains(metaBlocks, n)) }
	addAttr := func(a *Attr) {
		if _, dup := out.Attrs[a.Name]; !dup {
			out.Order = append(out.Order, a.Name)
		}
		out.Attrs[a.Name] = a
	}
	addBlock := func(nb *NestedBlock) {
		if _, seen := out.Blocks[nb.Type]; !seen {
			out.Order = append(out.Order, nb.Type)
		}
		out.Blocks[nb.Type] = append(out.Blocks[nb.Type], nb)
	}
	candidates := append(append([]string{}, args...), blocks...)
	unknown := func(name string, r hcl.Range, what string) {
		if open {
			return
		}
		msg := "unknown " + what + " \"" + name + "\""
		p := Problem{Rule: "unknown-field", Range: r}
		if s, safe := schema.Closest(name, candidates); s != "" {
			msg += "; did you mean \"" + s + "\"?"
			p.Old, p.New, p.Safe = name, s, safe
		}
		p.Message = msg
		m.Problems = append(m.Problems, p)
	}

	if sb, ok := hb.(*hclsyntax.Body); ok {
		for _, a := range sortedSyntaxAttrs(sb) {
			switch {
			case isArg(a.Name):
				addAttr(&Attr{Name: a.Name, NameRange: a.NameRange, Expr: a.Expr})
			case isBlock(a.Name):
				// Terraform 0.11 wrote blocks as arguments: an object, or a
				// list of objects. Read them as the blocks they stand for.
				if nbs := m.legacyBlocks(a, open); nbs != nil {
					for _, nb := range nbs {
						addBlock(nb)
					}
					continue
				}
				addAttr(&Attr{Name: a.Name, NameRange: a.NameRange, Expr: a.Expr, Legacy: true})
			default:
				unknown(a.Name, a.NameRange, "argument")
			}
		}
		for _, blk := range sb.Blocks {
			hblk := blk.AsHCLBlock()
			switch {
			case blk.Type == "dynamic" && len(blk.Labels) == 1 && isBlock(blk.Labels[0]):
				addBlock(m.dynamic(hblk, args, blocks, open))
			case isBlock(blk.Type):
				addBlock(&NestedBlock{Type: blk.Type, DefRange: hblk.DefRange, Body: m.nested(hblk.Body, blk.Type, open, hblk.DefRange)})
			case isArg(blk.Type):
				m.Problems = append(m.Problems, Problem{Rule: "schema", Range: hblk.TypeRange,
					Message: "\"" + blk.Type + "\" is an argument, not a block: write " + blk.Type + " = …"})
			default:
				unknown(blk.Type, hblk.TypeRange, "block type")
			}
		}
		return out
	}

	// JSON syntax: the schema decides what is a block.
	sch := &hcl.BodySchema{}
	for _, n := range args {
		sch.Attributes = append(sch.Attributes, hcl.AttributeSchema{Name: n})
	}
	for _, n := range blocks {
		sch.Blocks = append(sch.Blocks, hcl.BlockHeaderSchema{Type: n})
	}
	sch.Blocks = append(sch.Blocks, hcl.BlockHeaderSchema{Type: "dynamic", LabelNames: []string{"type"}})
	if resource {
		for _, n := range metaArgs {
			sch.Attributes = append(sch.Attributes, hcl.AttributeSchema{Name: n})
		}
		for _, n := range metaBlocks {
			sch.Blocks = append(sch.Blocks, hcl.BlockHeaderSchema{Type: n})
		}
	}
	content, remain, _ := hb.PartialContent(sch)
	for _, a := range sortedAttrs(content.Attributes) {
		addAttr(&Attr{Name: a.Name, NameRange: a.NameRange, Expr: a.Expr})
	}
	for _, blk := range content.Blocks {
		if blk.Type == "dynamic" {
			if contains(blocks, blk.Labels[0]) {
				addBlock(m.dynamic(blk, args, blocks, open))
			}
			continue
		}
		addBlock(&NestedBlock{Type: blk.Type, DefRange: blk.DefRange, Body: m.nested(blk.Body, blk.Type, open, blk.DefRange)})
	}
	if rest, diags := remain.JustAttributes(); !diags.HasErrors() {
		for _, a := range sortedAttrs(rest) {
			unknown(a.Name, a.NameRange, "argument")
		}
	}
	return out
}

// legacyBlocks reads `NAME = { … }` or `NAME = [{ … }, …]` as blocks of
// type NAME; nil when the value is not written out as object literals.
func (m *Module) legacyBlocks(a *hclsyntax.Attribute, open bool) []*NestedBlock {
	var objs []*hclsyntax.ObjectConsExpr
	switch e := a.Expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		objs = append(objs, e)
	case *hclsyntax.TupleConsExpr:
		for _, it := range e.Exprs {
			o, ok := it.(*hclsyntax.ObjectConsExpr)
			if !ok {
				return nil
			}
			objs = append(objs, o)
		}
	default:
		return nil
	}
	var out []*NestedBlock
	for _, o := range objs {
		syn := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, SrcRange: o.SrcRange, EndRange: o.SrcRange}
		for _, it := range o.Items {
			name := hcl.ExprAsKeyword(it.KeyExpr)
			if name == "" {
				if v, diags := it.KeyExpr.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() {
					name = v.AsString()
				}
			}
			if name == "" {
				continue
			}
			syn.Attributes[name] = &hclsyntax.Attribute{Name: name, Expr: it.ValueExpr,
				SrcRange: hcl.RangeBetween(it.KeyExpr.Range(), it.ValueExpr.Range()), NameRange: it.KeyExpr.Range()}
		}
		out = append(out, &NestedBlock{Type: a.Name, DefRange: a.NameRange, Body: m.nested(syn, a.Name, open, a.NameRange)})
	}
	return out
}

func (m *Module) dynamic(blk *hcl.Block, args, blocks []string, open bool) *NestedBlock {
	typ := blk.Labels[0]
	nb := &NestedBlock{Type: typ, DefRange: blk.DefRange, Dynamic: true, Iterator: typ}
	dc, _, _ := blk.Body.PartialContent(&hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "for_each"}, {Name: "iterator"}, {Name: "labels"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "content"}},
	})
	if it, ok := dc.Attributes["iterator"]; ok {
		if t, diags := hcl.AbsTraversalForExpr(it.Expr); !diags.HasErrors() && len(t) == 1 {
			nb.Iterator = t.RootName()
		}
	}
	if len(dc.Blocks) > 0 {
		nb.Body = m.nested(dc.Blocks[0].Body, typ, open, blk.DefRange)
	} else {
		nb.Body = &Body{Attrs: map[string]*Attr{}, Blocks: map[string][]*NestedBlock{}}
	}
	return nb
}

// nested reads a nested block of the resource being read. Its schema is
// found by type among the resources' blocks (block names are unique within
// the three resource types read).
func (m *Module) nested(hb hcl.Body, typ string, open bool, at hcl.Range) *Body {
	var bl *Block
	for _, r := range Resources {
		if b := r.block(typ); b != nil {
			bl = b
			break
		}
	}
	if bl == nil || bl.Open {
		return m.body(hb, nil, nil, true, false)
	}
	var args []string
	for _, a := range bl.Args {
		args = append(args, a.Name)
	}
	b := m.body(hb, args, nil, open, false)
	if open {
		return b
	}
	var missing []string
	for _, a := range bl.Args {
		if a.Required && b.Attrs[a.Name] == nil {
			missing = append(missing, a.Name)
		}
	}
	switch {
	case len(missing) == 0:
	case len(b.Attrs) == 0:
		m.Problems = append(m.Problems, Problem{Rule: "schema", Range: at,
			Message: "block \"" + typ + "\" is empty; the provider requires " + quoted(missing)})
	default:
		for _, name := range missing {
			m.Problems = append(m.Problems, Problem{Rule: "schema", Range: at,
				Message: "block \"" + typ + "\" is missing the required argument \"" + name + "\""})
		}
	}
	return b
}

// checkBlocks reports blocks given more often than the provider allows and
// required blocks that are missing.
func (m *Module) checkBlocks(b *Body, schemaOf func(string) (*Block, bool)) {
	for _, name := range b.Order {
		bl, ok := schemaOf(name)
		if !ok || bl.MaxItems == 0 {
			continue
		}
		written := b.Blocks[name]
		dynamic := false
		for _, nb := range written {
			dynamic = dynamic || nb.Dynamic
		}
		if !dynamic && len(written) > bl.MaxItems {
			m.Problems = append(m.Problems, Problem{Rule: "schema", Range: written[bl.MaxItems].DefRange,
				Message: "block \"" + name + "\" may be given only once; this is a second one (the provider rejects it: MaxItems 1)"})
		}
	}
}

func sortedSyntaxAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte })
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkRequired reports the required arguments and blocks that are
// missing, in one diagnostic.
func (m *Module) checkRequired(rb *ResourceBlock) {
	at := rb.TypeRange
	if at.Filename == "" {
		at = rb.DefRange
	}
	var args, blocks []string
	for _, a := range rb.Schema.Args {
		if a.Required && rb.Body.Attrs[a.Name] == nil {
			args = append(args, a.Name)
		}
	}
	for _, bl := range rb.Schema.Blocks {
		if bl.Required && rb.Body.Blocks[bl.Name] == nil && rb.Body.Attrs[bl.Name] == nil {
			blocks = append(blocks, bl.Name)
		}
	}
	var parts []string
	switch len(args) {
	case 0:
	case 1:
		parts = append(parts, "the required argument "+quoted(args))
	default:
		parts = append(parts, "the required arguments "+quoted(args))
	}
	switch len(blocks) {
	case 0:
	case 1:
		parts = append(parts, "the required block "+quoted(blocks))
	default:
		parts = append(parts, "the required blocks "+quoted(blocks))
	}
	if len(parts) > 0 {
		m.Problems = append(m.Problems, Problem{Rule: "schema", Range: at,
			Message: rb.Type + " \"" + rb.Name + "\" is missing " + strings.Join(parts, " and ")})
	}
}

func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "\"" + n + "\""
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// serviceBlocks are the blocks service_type picks from.
var serviceBlocks = map[string]string{
	"HTTP": "http_service_config", "HTTP-VPC": "http_vpc_service_config",
	"FunctionCompute": "fc_service_config", "MOCK": "mock_service_config",
}

// checkServiceBlock reports a service_type whose block is not given: the
// provider fails at apply ("Creating apigatway api error:
// http_service_config is null").
func (m *Module) checkServiceBlock(rb *ResourceBlock) {
	st := rb.Body.Attrs["service_type"]
	if st == nil {
		return
	}
	v := m.Eval(st.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || v.Type() != cty.String {
		return
	}
	typ, ok := serviceBlocks[v.AsString()]
	if !ok {
		msg := "service_type \"" + v.AsString() + "\" is not one of MOCK, HTTP-VPC, FunctionCompute, HTTP (the provider rejects it)"
		p := Problem{Rule: "schema", Range: st.Expr.Range()}
		if s, safe := schema.Closest(v.AsString(), []string{"MOCK", "HTTP-VPC", "FunctionCompute", "HTTP"}); s != "" {
			msg += "; did you mean \"" + s + "\"?"
			p.Old, p.New, p.Safe = v.AsString(), s, safe
		}
		p.Message = msg
		m.Problems = append(m.Problems, p)
		return
	}
	if len(rb.Body.Blocks[typ]) == 0 && rb.Body.Attrs[typ] == nil {
		m.Problems = append(m.Problems, Problem{Rule: "schema", Range: st.Expr.Range(),
			Message: "service_type \"" + v.AsString() + "\" needs a " + typ + " block: without it the provider fails at apply (\"" + typ + " is null\")"})
	}
}
