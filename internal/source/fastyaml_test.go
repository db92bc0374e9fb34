package source

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/gen"
)

// The fast path must be impossible to tell from go-yaml: every test here
// reads the same document both ways and compares the trees field by field
// (the unexported scalar source included) and the problems reported.

// fastDoc is one document as loadYAML hands it to the parsers.
type fastDoc struct {
	text        []byte
	line, index int
}

// yamlDocs splits data the way loadYAML does (documents that prescan
// rejects are left out: neither parser sees them).
func yamlDocs(f *File) []fastDoc {
	var out []fastDoc
	f.eachDocument(func(text []byte, line, index int) {
		if prescan(text, line) == nil {
			out = append(out, fastDoc{text: text, line: line, index: index})
		}
	})
	return out
}

// diffDoc reads one document both ways. fast reports whether the fast
// path took it; err says how the results differ.
func diffDoc(name string, data []byte, d fastDoc) (fast bool, err error) {
	fa, fb := Text(name, data), Text(name, data)
	ra, ok := fa.parseChunkFast(d.text, d.line, d.index, true)
	if !ok {
		if len(fa.Problems) != 0 {
			return false, fmt.Errorf("the fast path gave up after reporting %v", fa.Problems)
		}
		return false, nil
	}
	budget := DefaultOptions.MaxAliasNodes
	rb := fb.parseChunk(d.text, d.line, d.index, &budget)
	if rb == nil {
		return true, fmt.Errorf("go-yaml read no tree (problems %v) where the fast path read one", fb.Problems)
	}
	ra.SetPointers("")
	rb.SetPointers("")
	if err := sameNode(ra, rb, fa, fb, "doc"); err != nil {
		return true, err
	}
	if !reflect.DeepEqual(fa.Problems, fb.Problems) {
		return true, fmt.Errorf("problems differ:\nfast:   %v\ngo-yaml: %v", fa.Problems, fb.Problems)
	}
	return true, nil
}

// sameNode compares two trees field by field; fa and fb are the files the
// scalar sources must point to.
func sameNode(a, b *Node, fa, fb *File, at string) error {
	if a == nil || b == nil {
		if a != b {
			return fmt.Errorf("%s: node %v vs %v", at, a, b)
		}
		return nil
	}
	type view struct {
		Kind                 Kind
		Value, Text, Pointer string
		Range, KeyRange, SR  diag.Range
		Embedded, JSONString bool
		NFields, NItems      int
		HasScalar            bool
		Style                scalarStyle
		Off                  int
		ScalarFileIsOwnFile  bool
	}
	v := func(n *Node, f *File) view {
		w := view{Kind: n.Kind, Value: n.Value, Text: n.Text, Pointer: n.Pointer, Range: n.Range, KeyRange: n.KeyRange,
			SR: n.StringRange, Embedded: n.Embedded, JSONString: n.JSONString, NFields: len(n.Fields), NItems: len(n.Items)}
		if n.scalar != nil {
			w.HasScalar, w.Style, w.Off, w.ScalarFileIsOwnFile = true, n.scalar.style, n.scalar.off, n.scalar.file == f
		}
		return w
	}
	if va, vb := v(a, fa), v(b, fb); va != vb {
		return fmt.Errorf("%s:\nfast:    %+v\ngo-yaml: %+v", at, va, vb)
	}
	for i := range a.Fields {
		x, y := a.Fields[i], b.Fields[i]
		if x.Key != y.Key || x.RawKey != y.RawKey || x.KeyRange != y.KeyRange {
			return fmt.Errorf("%s: field %d: fast %q/%q %v, go-yaml %q/%q %v", at, i, x.Key, x.RawKey, x.KeyRange, y.Key, y.RawKey, y.KeyRange)
		}
		if err := sameNode(x.Value, y.Value, fa, fb, at+"/"+x.Key); err != nil {
			return err
		}
	}
	for i := range a.Items {
		if err := sameNode(a.Items[i], b.Items[i], fa, fb, fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// diffFile compares every document of a file and counts those the fast
// path took.
func diffFile(t *testing.T, name string, data []byte) (fast, total int) {
	t.Helper()
	f := Text(name, data)
	if f.Src == nil {
		return 0, 0
	}
	for _, d := range yamlDocs(f) {
		total++
		ok, err := diffDoc(name, data, d)
		if err != nil {
			t.Errorf("%s, document %d (line %d): %v", name, d.index, d.line, err)
		}
		if ok {
			fast++
		}
	}
	return fast, total
}

// repoYAML returns every YAML file under the repository's testdata.
func repoYAML(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch filepath.Ext(p) {
		case ".yaml", ".yml":
			if data, err := os.ReadFile(p); err == nil && len(data) < 1<<20 {
				out[p] = data
			}
		}
		return nil
	})
	if len(out) == 0 {
		t.Fatal("no YAML files under testdata")
	}
	return out
}

func TestFastYAMLMatchesGoYAMLOnTestdata(t *testing.T) {
	t.Parallel()
	fast, total := 0, 0
	for name, data := range repoYAML(t) {
		a, b := diffFile(t, name, data)
		fast, total = fast+a, total+b
	}
	t.Logf("testdata: %d of %d documents took the fast path (%.1f%%)", fast, total, 100*float64(fast)/float64(max(total, 1)))
	if fast == 0 {
		t.Fatal("the fast path took no document at all")
	}
}

func TestFastYAMLMatchesGoYAMLOnGeneratedFiles(t *testing.T) {
	t.Parallel()
	fast, total := 0, 0
	for i := 0; i < 320; i++ {
		name, data := gen.File(i)
		if strings.HasSuffix(name, ".json") {
			continue
		}
		a, b := diffFile(t, name, data)
		fast, total = fast+a, total+b
		if a != b {
			t.Errorf("%s: %d of %d documents went to go-yaml", name, b-a, b)
		}
	}
	t.Logf("generated: %d of %d documents took the fast path (%.1f%%)", fast, total, 100*float64(fast)/float64(max(total, 1)))
}

// testOptions are the default limits with the fast path strict: a bug of
// the fast path (a runtime panic) fails the test instead of quietly going
// to go-yaml.
var testOptions = Options{MaxAliasNodes: DefaultOptions.MaxAliasNodes, strictFast: true}

// FuzzFastYAMLDiff: whenever the fast path takes a document, go-yaml reads
// the identical tree and reports the identical problems (and no syntax
// error). Seeds: the repository's YAML files and generated files.
//
//	go test -run XXX -fuzz FuzzFastYAMLDiff -fuzztime 1m ./internal/source
func FuzzFastYAMLDiff(f *testing.F) {
	for _, data := range repoYAML(f) {
		f.Add(data)
	}
	for i := 0; i < 16; i++ {
		if name, data := gen.File(i); !strings.HasSuffix(name, ".json") {
			f.Add(data)
		}
	}
	for _, c := range fastCases {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// The bytes as YAML, and as a recipe of YAML fragments: random
		// bytes are seldom in the subset, recipes mostly are.
		for _, text := range [][]byte{data, recipe(data), structured(&chooser{data: data})} {
			file := Text("f.yaml", text)
			if file.Src == nil {
				continue
			}
			for _, d := range yamlDocs(file) {
				if _, err := diffDoc("f.yaml", text, d); err != nil {
					t.Fatalf("input %q, document %d (line %d): %v", text, d.index, d.line, err)
				}
			}
		}
	})
}

// fragments are the pieces recipes put together: mostly what the subset
// takes, with some of what it must leave to go-yaml.
var fragments = []string{
	"a", "b", "key", "ké", "名", "1", "-1", "0x1F", "1e3", ".5", "0800", "true", "TRUE", "~", "null", ".inf", ".nan", "yes",
	": ", ":", ": ", ": ", "\n", "\n", "\n", "\n", "\n  ", "\n  ", "\n    ", "\n- ", "\n  - ", "- ", "-", " ", "  ",
	"# c", " # c", " #", "#", "'x'", "'it''s'", "''", "\"y\"", "\"a\\\"b\"", "\"\\u00e9\"", "\"\\x41\"", "\"\\q\"",
	"|", ">", "|-", ">-", "|+", "|2", "\n\n", "\n---\n", "\n...\n", "--- ", "\\", "\t", "&x ", "*x", "!!str ", "<<",
	"{", "}", "[", "]", ",", "?", "%", "@", "`", "'", "\"", "x y", "a:b", "http://h:1/p",
}

// recipe turns bytes into YAML text, one fragment per byte.
func recipe(data []byte) []byte {
	var out []byte
	for _, b := range data {
		out = append(out, fragments[int(b)%len(fragments)]...)
	}
	return out
}

// fastCases are the subset's features (fast: the fast path must take
// every document) and the shapes it leaves to go-yaml (fast: false: it
// must take none). Either way diffDoc checks that what it took is what
// go-yaml reads.
var fastCases = []struct {
	name string
	src  string
	fast bool
}{
	// mappings, scalars, comments
	{"plain", "a: b\nc: d\n", true},
	{"trailing comment", "key: value # comment\nnext: 1 # another\n", true},
	{"comment lines everywhere", "# head\na: 1\n  # indented\n# flush\nb:\n  # inside\n  c: 2\n# tail\n", true},
	{"single quote escape", "key: 'it''s'\n'': ''\n", true},
	{"double quote escapes", "a: \"a\\\"b\"\nb: \"\\u00e9\\x41\\n\\t\\\\\\/\\0\\a\\e\\N\\_\\L\\P\\U0001F600 \\ x\"\n", true},
	{"quoted keys", "\"a b\": 1\n'c''d': 2\n\"\": 3\n", true},
	{"trailing spaces after a plain value", "key: value   \nnext: 1  \nlast: x\n", true},
	{"trailing spaces longer than the value", "k: a      \nn: 12    \n", true},
	{"trailing spaces at the end of the text", "key: value   ", true},
	{"trailing spaces before a comment", "key: value   # c\n", true},
	{"trailing spaces after a quoted value", "key: 'v'   \nk2: \"w\"  # c\n", true},
	{"empty value at the end", "a: 1\nkey:", true},
	{"empty value before a line break at the end", "a: 1\nkey:\n", true},
	{"blanks after an empty value", "a:   \nb: 1\n", true},
	{"blanks after an empty value at the end", "a: 1\nb:   \n", true},
	{"empty value and a comment at the end", "a: 1\nb:  # c\n\n# d\n", true},
	{"empty value at the end of a nested mapping", "a:\n  b:\n- x\n", false},
	{"empty value in a compact mapping at the end", "- b: \n", true},
	{"empty values", "a:\nb: # c\nc:\n\n# x\nd: 1\n", true},
	{"duplicate keys", "a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n", true},
	{"duplicate keys past the linear scan", "k00: 0\nk01: 1\nk02: 2\nk03: 3\nk04: 4\nk05: 5\nk06: 6\nk07: 7\nk08: 8\nk09: 9\nk10: 10\nk11: 11\nk12: 12\nk13: 13\nk14: 14\nk15: 15\nk16: 16\nk03: x\nk16: y\nk17: 17\n", true},
	{"duplicate key whose value holds a duplicate", "a: 1\na:\n  b: 1\n  b: 2\n", true},
	{"UTF-8 keys and values", "ké: välue\n名前: 値 # コメント\n\"ü\": 'ö'\nx: y\n", true},
	{"plain scalars with indicators inside", "a: a#b\nurl: http://x:80/y?q=1&r=*\nk: a - b\nq: it's \"q\"\nr: x]y}z,w|v>u!t%s@r`q\n", true},
	{"numbers", "a: 0800\nb: 1e3\nc: 0x1F\nd: 1_000\ne: -5\nf: .5\ng: +1\nh: 0o17\ni: 0b101\nj: 1.5e-3\nk: 12345678901234567890123\nl: -0\nm: 1.\nn: 0.1.2\n", true},
	{"booleans and nulls", "t: true\nT: True\nU: TRUE\nf: false\nF: FALSE\ny: yes\nn: null\nN: NULL\nq: ~\no: on\ntr: tRUE\n", true},
	{"inf and nan", "a: .inf\nb: -.Inf\nc: .nan\nd: .NaN\ne: +.inf\n", true},
	{"typed keys", "200: ok\ntrue: x\nnull: y\n1.5: z\n0x1F: w\n", true},
	// sequences
	{"sequence at the key's indentation", "key:\n- a\n- b\nnext: 1\n", true},
	{"indented sequence", "key:\n  - a\n  - 'b'\n  - \"c\" # c\n", true},
	{"compact mappings", "- a: 1\n  b: 2\n- c: 3\n-   d: 4\n    e: 5\n", true},
	{"nested", "a:\n  - x: 1\n    y:\n      - z\n      - w: 1\n        v:\n        - u\n  - q: 2\n", true},
	{"entry on its own line", "-\n  a: 1\n- b\n", true},
	{"sequence in a compact mapping at its indentation", "- a:\n  - x\n  b: 1\n", true},
	{"root indented", "  a: 1\n  b: 2\n", true},
	// block scalars
	{"literal", "a: |\n  x\n   y\n  z\nb: 1\n", true},
	{"literal strip", "a: |-\n  x\n  y\n\n\nb: 1\n", true},
	{"literal then blank lines and a dedented key", "a: |\n  x\n\n\nb: 1\n", true},
	{"literal with inner blank lines", "a: |\n  x\n\n  y\n", true},
	{"literal with leading empty lines", "a: |\n\n  x\n", true},
	{"literal in a sequence", "- |\n  x\n  y\n- >-\n  z\n  w\n", true},
	{"literal in a compact mapping", "- a: |\n    x\n  b: >\n    y\n    z\n", true},
	{"literal holding comments and indicators", "a: |\n  # not a comment\n  - not: an item\n  'q'\nb: 1\n", true},
	{"folded", "a: >\n  x\n  y\n\n  z\n\n\n  w\nb: 1\n", true},
	{"folded with more-indented lines", "a: >\n  {\"a\": 1,\n   \"b\": 2}\n  c\n  d\n    e\n\n  f\n", true},
	{"folded strip", "a: >-\n  x\n  y\n", true},
	{"block header with trailing blanks", "a: |  \n  x\n", true},
	{"blank lines with few spaces inside a block", "a: |\n  x\n \n  y\n", true},
	// documents
	{"explicit documents", "---\na: 1\n---\nb: 2\n", true},
	{"marker with a comment", "--- # c\na: 1\n", true},
	{"key on the marker line", "--- a: 1\n", true},

	// left to go-yaml
	{"anchor and alias", "a: &x 1\nb: *x\n", false},
	{"tag", "a: !!str 1\n", false},
	{"merge key", "b:\n  <<: {x: 1}\n", false},
	{"flow sequence", "a: [1, 2]\n", false},
	{"flow mapping", "a: {b: 1}\n", false},
	{"complex key", "? a\n: b\n", false},
	{"multi-line plain", "a: b\n  c\n", false},
	{"multi-line quoted", "a: 'b\n  c'\n", false},
	{"double-quoted continued with a backslash", "a:\n  b: \"x\\\n    \\ y\"\nc: 1\n", false},
	{"tab indentation", "a:\n\tb: 1\n", false},
	{"tab in a value", "a: b\tc\n", false},
	{"dash value", "e: -\n", false},
	{"indentation indicator", "a: |2\n  x\n", false},
	{"keep chomping", "a: |+\n  x\n", false},
	{"comment after a block header", "a: | # c\n  x\n", false},
	{"mapping in a plain value", "a: b: c\n", false},
	{"colon at the end of a plain value", "a: b:\n", false},
	{"control character", "a: b\x01\n", false},
	{"root scalar", "foo\n", false},
	{"empty block scalar", "a: |\nb: 1\n", false},
	{"unknown escape", "a: \"\\q\"\n", false},
	{"surrogate escape", "a: \"\\ud83d\\ude00\"\n", false},
	{"space before the colon", "key : v\n", false},
	{"nested sequence on one line", "- - a\n", true},
	{"nested sequences", "- - a\n  - b\n- c\n- - - d\n    - e\n  - f\n", true},
	{"nested sequence of mappings", "k:\n  - ''\n  - - 'acs:ram::'\n    - Ref: ALIYUN::AccountId\n    - x: 1\n      y: 2\n", true},
	{"nested sequence, odd indentation", "- - a\n   - b\n", false},
	{"nested sequence, empty entry", "- - \n  - b\n", false},
	{"nested sequence, a comment", "- - a # c\n  - b\n", true},
	{"unterminated quote", "a: 'x\n", false},
	{"bad indentation", "a: b\n c: d\n", false},
	{"deeper key after a scalar", "a:\n  b: 1\n    c: 2\n", false},
	{"comment ending in a backslash", "a: 1 # x\\\nb: 2\n", false},
	{"text after a closing quote", "a: 'x' y\n", false},
	{"comment glued to a quote", "a: 'x'#c\n", false},
	{"block scalar at the end without a line break", "a: |\n  x", false},
	{"trailing blanks in a block scalar", "a: |\n  x  \n  y\n", false},
	{"blank line with extra spaces in a block", "a: |\n  x\n     \n  y\n", false},
	{"reserved character", "a: @x\n", false},
	{"key starting with an indicator", "&a: 1\n", false},
	{"document end marker lookalike", "...x: 1\n", false},
	{"deep", strings.Repeat("a:\n", 1) + func() string {
		var sb strings.Builder
		for i := 0; i < 60; i++ {
			sb.WriteString(strings.Repeat(" ", i+1) + "a:\n")
		}
		return sb.String()
	}(), false},
}

func TestFastYAMLCases(t *testing.T) {
	t.Parallel()
	for _, c := range fastCases {
		t.Run(c.name, func(t *testing.T) {
			f := Text("c.yaml", []byte(c.src))
			docs := yamlDocs(f)
			if len(docs) == 0 {
				t.Fatal("no document")
			}
			for _, d := range docs {
				ok, err := diffDoc("c.yaml", []byte(c.src), d)
				if err != nil {
					t.Fatal(err)
				}
				if ok != c.fast {
					t.Fatalf("document %d: fast path taken = %v, want %v", d.index, ok, c.fast)
				}
			}
		})
	}
}

// TestFastYAMLRandom compares the two paths on a few thousand random
// recipes and structured documents (fixed seed: the same texts every run).
func TestFastYAMLRandom(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, kind := range []string{"recipe", "structured"} {
		fast, total := 0, 0
		for n := 0; n < 3000; n++ {
			data := make([]byte, 4+rng.IntN(200))
			for i := range data {
				data[i] = byte(rng.IntN(256))
			}
			text := recipe(data)
			if kind == "structured" {
				text = structured(&chooser{data: data})
			}
			file := Text("r.yaml", text)
			for _, d := range yamlDocs(file) {
				total++
				ok, err := diffDoc("r.yaml", text, d)
				if err != nil {
					t.Fatalf("%q, document %d (line %d): %v", text, d.index, d.line, err)
				}
				if ok {
					fast++
				}
			}
		}
		t.Logf("%s: %d of %d documents took the fast path", kind, fast, total)
	}
}

// chooser draws choices from bytes (0 once they run out), so that the
// fuzzing engine steers the structured generator below.
type chooser struct {
	data []byte
	i    int
}

func (c *chooser) n(k int) int {
	if c.i >= len(c.data) {
		return 0
	}
	b := c.data[c.i]
	c.i++
	return int(b) % k
}

var (
	genKeys    = []string{"a", "b", "Key", "ké", "名前", "200", "true", "null", "x y", "a:b", "'q'", "\"d\"", "'it''s'", "\"a\\\"b\"", "-k", ".k", "k#", "~"}
	genScalars = []string{"v", "value here", "1", "-1", "0800", "1e3", "0x1F", "1_000", ".5", "+1", "true", "True", "TRUE", "yes", "null", "~", ".inf", "-.Inf", ".nan",
		"'it''s'", "''", "\"\"", "\"a\\\"b\"", "\"\\u00e9\\x41\\n\"", "'{\"a\": 1}'", "a#b", "http://h:8080/p", "a - b", "it's", "[x", "x]", "{", "ké", "値", "*x", "&a b", "!t", "@x", "-", "a: b", "b:", "\"\\q\""}
	genTails = []string{"", "", "", "", " ", "   ", " # c", "  # c:d", " #", "\\", " # \\"}
)

// structured writes a YAML document of block mappings and sequences,
// scalars of every kind, block scalars, comments and blank lines, drawn
// from c: most of it in the fast path's subset, some of it just outside.
func structured(c *chooser) []byte {
	var sb strings.Builder
	var node func(ind, depth int, inline bool)
	pad := func(n int) string { return strings.Repeat(" ", n) }
	junk := func(ind int) {
		switch c.n(8) {
		case 0:
			sb.WriteString("\n")
		case 1:
			sb.WriteString(pad(c.n(6)) + "# comment\n")
		case 2:
			sb.WriteString(pad(c.n(6)) + "\n")
		}
	}
	block := func(ind int) {
		sb.WriteString([]string{"|", ">", "|-", ">-", "| ", "|2", "|+", "> # c"}[c.n(8)] + "\n")
		n := ind + 1 + c.n(3)
		for k := 0; k < 1+c.n(5); k++ {
			switch c.n(6) {
			case 0:
				sb.WriteString("\n")
			case 1:
				sb.WriteString(pad(n+c.n(3)) + "more indented\n")
			case 2:
				sb.WriteString(pad(c.n(n+2)) + "\n")
			default:
				sb.WriteString(pad(n) + genScalars[c.n(len(genScalars))] + "\n")
			}
		}
	}
	scalar := func() { sb.WriteString(genScalars[c.n(len(genScalars))] + genTails[c.n(len(genTails))] + "\n") }
	value := func(ind, depth int) {
		switch k := c.n(10); {
		case k < 5 || depth > 4:
			sb.WriteString(" ")
			scalar()
		case k == 5:
			sb.WriteString(genTails[c.n(len(genTails))] + "\n")
		case k == 6:
			sb.WriteString(" ")
			block(ind)
		default:
			sb.WriteString(genTails[c.n(3)] + "\n")
			junk(ind)
			next := ind + 1 + c.n(4)
			if k == 9 && c.n(2) == 0 {
				next = ind // a sequence at its key's indentation
			}
			node(next, depth+1, false)
		}
	}
	node = func(ind, depth int, inline bool) {
		seq := c.n(3) == 0
		for k := 0; k < 1+c.n(4); k++ {
			if !inline || k > 0 {
				sb.WriteString(pad(ind))
			}
			if seq {
				sb.WriteString("-")
				switch c.n(5) {
				case 0, 1:
					sb.WriteString(" ")
					scalar()
				case 2:
					sb.WriteString(pad(1 + c.n(2)))
					node(ind+2, depth+1, true)
				case 3:
					sb.WriteString(" ")
					block(ind)
				default:
					sb.WriteString("\n")
					node(ind+1+c.n(3), depth+1, false)
				}
			} else {
				sb.WriteString(genKeys[c.n(len(genKeys))] + ":")
				value(ind, depth)
			}
			junk(ind)
		}
		_ = inline
	}
	if c.n(4) == 0 {
		sb.WriteString("--- ")
	}
	node(0, 0, false)
	if c.n(4) == 0 {
		sb.WriteString("---\n")
		node(c.n(2), 0, false)
	}
	out := sb.String()
	if c.n(3) == 0 {
		out = strings.TrimRight(out, "\n")
	}
	return []byte(out)
}

// benchDocs returns the documents of the generated YAML files, as the
// parsers get them.
func benchDocs(b *testing.B) (files []*File, docs [][]fastDoc, size int64) {
	names, data, size := benchFiles(false)
	for i := range data {
		f := Text(names[i], data[i])
		files = append(files, f)
		docs = append(docs, yamlDocs(f))
	}
	return files, docs, size
}

// BenchmarkParseDocs parses the documents of the generated YAML files,
// fast path against go-yaml (parse and conversion; no splitting, no
// pointers).
func BenchmarkParseDocs(b *testing.B) {
	files, docs, size := benchDocs(b)
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for i, f := range files {
				for _, d := range docs[i] {
					if _, ok := f.parseChunkFast(d.text, d.line, d.index, true); !ok {
						b.Fatal("bail")
					}
				}
			}
		}
	})
	b.Run("go-yaml", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for i, f := range files {
				for _, d := range docs[i] {
					budget := DefaultOptions.MaxAliasNodes
					if f.parseChunk(d.text, d.line, d.index, &budget) == nil {
						b.Fatal("nil")
					}
				}
			}
		}
	})
}

// BenchmarkLoadYAMLPaths is BenchmarkLoadYAML (whole-file Load) with the
// fast path on and off.
func BenchmarkLoadYAMLPaths(b *testing.B) {
	for _, on := range []bool{true, false} {
		name := "fast"
		if !on {
			name = "go-yaml"
		}
		b.Run(name, func(b *testing.B) {
			opts := DefaultOptions
			opts.goYAMLOnly = !on
			b.ReportAllocs()
			benchLoad(b, false, opts)
		})
	}
}

// TestLoadSameWithAndWithoutFastPath: whole files (all documents, skipped
// and failed ones included) load the same either way.
func TestLoadSameWithAndWithoutFastPath(t *testing.T) {
	t.Parallel()
	files := repoYAML(t)
	for i := 0; i < 64; i++ {
		if name, data := gen.File(i); !strings.HasSuffix(name, ".json") {
			files[name] = data
		}
	}
	goYAML := testOptions
	goYAML.goYAMLOnly = true
	for name, data := range files {
		a := Load(name, data, testOptions)
		b := Load(name, data, goYAML)
		if len(a.Docs) != len(b.Docs) {
			t.Fatalf("%s: %d documents with the fast path, %d without", name, len(a.Docs), len(b.Docs))
		}
		for i := range a.Docs {
			if a.Docs[i].Index != b.Docs[i].Index {
				t.Fatalf("%s: document index %d vs %d", name, a.Docs[i].Index, b.Docs[i].Index)
			}
			if err := sameNode(a.Docs[i].Root, b.Docs[i].Root, a, b, name); err != nil {
				t.Fatal(err)
			}
		}
		if !reflect.DeepEqual(a.Problems, b.Problems) {
			t.Fatalf("%s: problems differ:\nfast:    %v\ngo-yaml: %v", name, a.Problems, b.Problems)
		}
	}
}

// TestGoYAMLOnlyIsHonoured: with the option, documents go to go-yaml,
// which allocates many times what the fast path does on the same file (not
// parallel: AllocsPerRun).
func TestGoYAMLOnlyIsHonoured(t *testing.T) {
	goYAML := testOptions
	goYAML.goYAMLOnly = true
	example := []byte("Action: CreateService\ngatewayId: gw-1\nsourceType: K8S\nserviceConfigs:\n  - name: users\n    namespace: default\n")
	fastAllocs := testing.AllocsPerRun(5, func() { Load("x.yaml", example, testOptions) })
	slowAllocs := testing.AllocsPerRun(5, func() { Load("x.yaml", example, goYAML) })
	if slowAllocs < 2*fastAllocs {
		t.Fatalf("%v allocations with goYAMLOnly, %v without: the option is not honoured", slowAllocs, fastAllocs)
	}
}
