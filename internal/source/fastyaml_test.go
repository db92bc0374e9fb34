package source

import (
	"fmt"
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
	chunks := splitDocuments(f.Src)
	if len(chunks) > 1 && !chunks[0].explicit && blank(f.Src[chunks[0].start:chunks[0].end]) {
		chunks = chunks[1:]
	}
	var out []fastDoc
	i := -1
	for _, c := range chunks {
		text := f.Src[c.start:c.end]
		isBlank := blank(text)
		if c.explicit || !isBlank {
			i++
		}
		if isBlank {
			continue
		}
		if c.explicit {
			text = append([]byte("   "), text[3:]...)
		}
		if prescan(text, c.line) != nil {
			continue
		}
		out = append(out, fastDoc{text: text, line: c.line, index: i})
	}
	return out
}

// diffDoc reads one document both ways. fast reports whether the fast
// path took it; err says how the results differ.
func diffDoc(name string, data []byte, d fastDoc) (fast bool, err error) {
	fa, fb := Text(name, data), Text(name, data)
	ra, ok := fa.parseChunkFast(d.text, d.line, d.index)
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

func init() { fastStrict = true }
